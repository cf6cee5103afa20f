// Matches a request path against the modules' routes and names each route for the stats.
import type { Route } from "./types";

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  label: string;
}

/** "^/sites/(?<site>[^/]+)/lists$" → "/sites/{site}/lists": readable keys for stats.byRoute. */
export function labelOf(route: Route): string {
  if (route.name) return `${route.method} ${route.name}`;
  const readable = route.pattern.source
    .replace(/^\^/, "")
    .replace(/\$$/, "")
    .replace(/\(\?<([A-Za-z0-9_]+)>(?:[^()]|\([^()]*\))*\)/g, "{$1}")
    .replace(/\\(.)/g, "$1");
  return `${route.method} ${readable}`;
}

export class Router {
  private readonly routes: { route: Route; label: string }[] = [];

  add(routes: Route[] | undefined): void {
    for (const route of routes ?? []) this.routes.push({ route, label: labelOf(route) });
  }

  /** The route for method and path; `pathMatched` tells a wrong method from an unknown path. */
  match(method: string, path: string): RouteMatch | { pathMatched: boolean } {
    let pathMatched = false;
    for (const { route, label } of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        pathMatched = true;
        continue;
      }
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) params[k] = v;
      return { route, params, label };
    }
    return { pathMatched };
  }
}
