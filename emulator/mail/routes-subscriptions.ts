// Graph routes for /subscriptions: create (with validation handshake), list, get, renew, delete, reauthorize.
import type { Route } from "../core/types";
import { prefersImmutableId } from "./query";
import { noContent, ok, route } from "./routing";
import type { Subscriptions } from "./subscriptions";

export function subscriptionRoutes(subs: Subscriptions): Route[] {
  const ID = String.raw`^/subscriptions/(?<id>[^/]+)`;
  return [
    route("GET", `^/subscriptions`, "/subscriptions", (req) =>
      ok({ "@odata.context": `${req.baseUrl}/$metadata#subscriptions`, value: subs.visibleTo(req.principal).map((s) => subs.json(s)) }),
    ),
    route("POST", `^/subscriptions`, "/subscriptions", async (req) => ok(subs.json(await subs.create(req.principal, req.body, prefersImmutableId(req)), req.baseUrl), 201)),
    route("POST", `${ID}/reauthorize`, "/subscriptions/{id}/reauthorize", (req) => {
      subs.reauthorize(req.principal, decodeURIComponent(req.params.id));
      // "If successful, this action returns a 204 No Content response code" (subscription-reauthorize.md).
      return noContent(204);
    }),
    route("GET", ID, "/subscriptions/{id}", (req) => ok(subs.json(subs.get(req.principal, decodeURIComponent(req.params.id)), req.baseUrl))),
    route("PATCH", ID, "/subscriptions/{id}", async (req) =>
      ok(subs.json(await subs.update(req.principal, decodeURIComponent(req.params.id), req.body), req.baseUrl)),
    ),
    route("DELETE", ID, "/subscriptions/{id}", (req) => {
      const s = subs.get(req.principal, decodeURIComponent(req.params.id));
      subs.remove(s.id);
      return noContent();
    }),
  ];
}
