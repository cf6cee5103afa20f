// The tab's views as hash routes (#/queue, #/case/12, #/reviews, #/reports, #/access/12, #/problems, #/offices), so ?user= and
// the page stay put.
import { useEffect, useState } from "react";

export type Route =
  | { view: "queue" }
  | { view: "case"; id: string }
  | { view: "reviews" }
  | { view: "reports" }
  | { view: "access"; id?: string }
  | { view: "problems" }
  | { view: "offices" };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case "case":
      return /^\d+$/.test(parts[1] ?? "") ? { view: "case", id: parts[1] } : { view: "queue" };
    case "reviews":
      return { view: "reviews" };
    case "reports":
      return { view: "reports" };
    case "problems":
      return { view: "problems" };
    case "offices":
      return { view: "offices" };
    case "access":
      return /^\d+$/.test(parts[1] ?? "") ? { view: "access", id: parts[1] } : { view: "access" };
    default:
      return { view: "queue" };
  }
}

export function href(route: Route): string {
  switch (route.view) {
    case "case":
      return `#/case/${encodeURIComponent(route.id)}`;
    case "access":
      return route.id ? `#/access/${encodeURIComponent(route.id)}` : "#/access";
    default:
      return `#/${route.view}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}
