// Graph routes for mailbox settings the product manages: master categories and inbox message rules.
import { GraphError, type EmulatorContext, type EmuRequest, type Route } from "../core/types";
import { folderRef, idRef, mailboxFor } from "./access";
import { badRequest, unknownBodyProperty } from "./errors";
import { newGuid } from "./ids";
import type { StoredRule } from "./model";
import { FOLDER, noContent, ok, route, USER } from "./routing";
import { checkRulesQuota, ruleFromBody } from "./rules";
import { categoryJson, ruleJson } from "./shapes";
import type { Mailbox, MailStore } from "./store";

/** Outlook's category colours: `none` or one of 25 presets. */
const COLORS = new Set(["none", ...Array.from({ length: 25 }, (_, i) => `preset${i}`)]);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkColor(v: unknown): string {
  if (typeof v !== "string" || !COLORS.has(v.toLowerCase())) throw badRequest(`'${String(v)}' is not a valid categoryColor; use none or preset0 to preset24.`, "ErrorInvalidArgument");
  return v.toLowerCase();
}

export function settingsRoutes(ctx: EmulatorContext, store: MailStore): Route[] {
  const CAT = String.raw`/outlook/masterCategories`;
  const RULES = String.raw`${FOLDER}/messageRules`;

  const category = (mb: Mailbox, req: EmuRequest) => {
    const id = idRef(req.params.id);
    const c = mb.categories.find((x) => x.id === id);
    if (!c) throw new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    return c;
  };

  /** Inbox rules live on the inbox; Graph answers other folders with an error. */
  const inboxOf = (req: EmuRequest, need: "settingsRead" | "settingsWrite"): Mailbox => {
    const { mb } = mailboxFor(ctx, store, req, need);
    const f = mb.folder(folderRef(req.params.folder));
    if (!f) throw new GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
    if (f.wellKnownName !== "inbox") throw badRequest("Message rules are only supported on the Inbox folder.", "ErrorInvalidRequest");
    return mb;
  };

  const rule = (mb: Mailbox, req: EmuRequest): StoredRule => {
    const id = idRef(req.params.id);
    const r = mb.rules.find((x) => x.id === id);
    if (!r) throw new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    return r;
  };

  const rulesChanged = (mb: Mailbox) => {
    mb.rulesVersion++;
    store.dirty();
  };

  return [
    route("GET", `${USER}${CAT}`, "/users/{user}/outlook/masterCategories", (req) => {
      const { mb } = mailboxFor(ctx, store, req, "settingsRead");
      return ok({ "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/outlook/masterCategories`, value: mb.categories.map(categoryJson) });
    }),
    route("POST", `${USER}${CAT}`, "/users/{user}/outlook/masterCategories", (req) => {
      const { mb } = mailboxFor(ctx, store, req, "settingsWrite");
      const body = req.body;
      if (!isObject(body)) throw badRequest("The request body must be an outlookCategory.");
      for (const k of Object.keys(body)) if (!["displayName", "color", "@odata.type"].includes(k)) throw unknownBodyProperty(k, "microsoft.graph.outlookCategory");
      if (typeof body.displayName !== "string" || !body.displayName.trim()) throw badRequest("Property 'displayName' is required.");
      const displayName = body.displayName;
      // displayName is unique in a user's master list (compared without regard to case, as Outlook does).
      if (mb.categories.some((c) => c.displayName.toLowerCase() === displayName.toLowerCase())) {
        throw new GraphError(409, "ErrorItemAlreadyExists", `A category with the display name '${displayName}' already exists.`);
      }
      const c = { id: newGuid(), displayName, color: body.color === undefined ? "none" : checkColor(body.color) };
      mb.categories.push(c);
      store.dirty();
      // outlookuser-post-mastercategories.md's example answer carries the entity's @odata.context.
      return ok({ "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/outlook/masterCategories/$entity`, ...categoryJson(c) }, 201);
    }),
    route("GET", `${USER}${CAT}/(?<id>[^/]+)`, "/users/{user}/outlook/masterCategories/{id}", (req) => {
      const { mb } = mailboxFor(ctx, store, req, "settingsRead");
      return ok(categoryJson(category(mb, req)));
    }),
    route("PATCH", `${USER}${CAT}/(?<id>[^/]+)`, "/users/{user}/outlook/masterCategories/{id}", (req) => {
      const { mb } = mailboxFor(ctx, store, req, "settingsWrite");
      const c = category(mb, req);
      const body = req.body;
      if (!isObject(body)) throw badRequest("The request body must be an outlookCategory.");
      for (const k of Object.keys(body)) {
        if (k === "displayName") throw badRequest("The displayName of a category cannot be changed after it is created.");
        if (k !== "color" && k !== "@odata.type") throw unknownBodyProperty(k, "microsoft.graph.outlookCategory");
      }
      if (body.color !== undefined) c.color = checkColor(body.color);
      store.dirty();
      return ok(categoryJson(c));
    }),
    route("DELETE", `${USER}${CAT}/(?<id>[^/]+)`, "/users/{user}/outlook/masterCategories/{id}", (req) => {
      const { mb } = mailboxFor(ctx, store, req, "settingsWrite");
      const c = category(mb, req);
      mb.categories = mb.categories.filter((x) => x !== c);
      store.dirty();
      return noContent();
    }),
    route("GET", `${USER}${RULES}`, "/users/{user}/mailFolders/{folder}/messageRules", (req) => {
      const mb = inboxOf(req, "settingsRead");
      const rules = [...mb.rules].sort((a, b) => a.sequence - b.sequence);
      return ok({ "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/mailFolders('inbox')/messageRules`, value: rules.map(ruleJson) });
    }),
    route("POST", `${USER}${RULES}`, "/users/{user}/mailFolders/{folder}/messageRules", (req) => {
      const mb = inboxOf(req, "settingsWrite");
      const r = ruleFromBody(req.body, mb);
      checkRulesQuota([...mb.rules, r]);
      mb.rules.push(r);
      rulesChanged(mb);
      return ok(ruleJson(r), 201);
    }),
    route("GET", `${USER}${RULES}/(?<id>[^/]+)`, "/users/{user}/mailFolders/{folder}/messageRules/{id}", (req) => {
      const mb = inboxOf(req, "settingsRead");
      return ok(ruleJson(rule(mb, req)));
    }),
    route("PATCH", `${USER}${RULES}/(?<id>[^/]+)`, "/users/{user}/mailFolders/{folder}/messageRules/{id}", (req) => {
      const mb = inboxOf(req, "settingsWrite");
      const existing = rule(mb, req);
      const updated = ruleFromBody(req.body, mb, existing);
      const next = mb.rules.map((r) => (r === existing ? updated : r));
      checkRulesQuota(next);
      mb.rules = next;
      rulesChanged(mb);
      return ok(ruleJson(updated));
    }),
    route("DELETE", `${USER}${RULES}/(?<id>[^/]+)`, "/users/{user}/mailFolders/{folder}/messageRules/{id}", (req) => {
      const mb = inboxOf(req, "settingsWrite");
      const r = rule(mb, req);
      mb.rules = mb.rules.filter((x) => x !== r);
      rulesChanged(mb);
      return noContent();
    }),
  ];
}
