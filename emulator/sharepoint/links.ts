// Builds @odata.nextLink and @odata.deltaLink URLs from the request being answered.
import type { EmuRequest } from "../core/types";

/** The request URL again with some query options replaced (undefined removes one). */
export function linkWith(req: EmuRequest, replace: Record<string, string | undefined>): string {
  const q: Record<string, string> = { ...req.query };
  for (const [k, v] of Object.entries(replace)) {
    if (v === undefined) delete q[k];
    else q[k] = v;
  }
  const parts = Object.entries(q).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return `${req.baseUrl}${encodeURI(req.path)}${parts.length ? `?${parts.join("&")}` : ""}`;
}
