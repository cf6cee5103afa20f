// The case service's HTTP API, independent of the host (the Node server and the Functions app both call it):
//   GET  /api/customers/{id}         the record, replayed from the log
//   POST /api/customers              { event: Opened|Imported, idempotencyKey } a new customer
//   POST /api/customers/{id}/steps   { event, idempotencyKey } a workflow step
// Every request names its caller with a bearer token; their roles come from the directory; the workflow judges.
import { openCustomer, takeStep, type Owe, type StepOutcome } from "../../graph/caselog";
import { loadLog } from "../../graph/caselog";
import { DataError, toDataError } from "../../graph/client/errors";
import type { Site } from "../../graph/repos/items";
import { getPreset } from "../../shared/presets/registry";
import { parseStepEvent, replayLog } from "../../shared/register";
import type { OrganisationSettings } from "../../shared/settings/organisation";
import type { Actor } from "../../shared/workflow";
import { errorFields, type Logger } from "../log";
import type { Graph } from "../../graph/client/factory";
import type { OfficeFacts, Participant } from "../../shared/workflow/offices";
import { presetsFor, type OfficeSource } from "./offices";
import type { RoleSource } from "./roles";
import { settingsRoute } from "./settings-api";
import { isUnknownPerson } from "./roles";
import { AuthError, type TokenCheck } from "./tokens";

export interface ApiRequest {
  method: string;
  /** The path below the host, e.g. "/api/customers/12/steps". */
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface CaseApiDeps {
  site: Site;
  tokens: TokenCheck;
  roles: RoleSource;
  /** Who holds which policy office; without it (some tests) steps are judged by roles alone. */
  offices?: OfficeSource;
  /** The directory, as the app, to check the people and groups an administrator names to offices. */
  graph?: Graph;
  owe: Owe;
  log: Logger;
  /** Browser origins allowed to call the API directly (CORS); same-origin pages need none. */
  allowedOrigins: string[];
  /** Called after a step owing notices is stored, so the outbox sends them without waiting for its timer. */
  onOwed?: () => void;
  now?: () => Date;
  /** The organisation's own choices where no policy speaks (all off unless given). */
  settings?: OrganisationSettings;
}

/** Largest request body accepted: a step with a long letter is well under this. */
export const MAX_API_BODY = 256 * 1024;
const KEY = /^[A-Za-z0-9:._-]{8,200}$/;

export function isApiPath(path: string): boolean {
  return path === "/api/customers" || path.startsWith("/api/customers/") || path === "/api/me" || path === "/api/settings" || path.startsWith("/api/settings/");
}

export function createCaseApi(deps: CaseApiDeps) {
  const json = (status: number, body: unknown, extra: Record<string, string> = {}, origin?: string): ApiResponse => ({
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...cors(origin), ...extra },
    body: JSON.stringify(body),
  });
  const cors = (origin?: string): Record<string, string> =>
    origin && deps.allowedOrigins.includes(origin)
      ? { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Headers": "Authorization, Content-Type", "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS", "Access-Control-Max-Age": "600", Vary: "Origin" }
      : {};

  async function actorFor(req: ApiRequest): Promise<{ actor: Actor; groups: string[] }> {
    const caller = await deps.tokens.verify(req.headers.authorization);
    let roles;
    let groups: string[] = [];
    try {
      roles = await deps.roles.rolesOf(caller);
      if (deps.offices && deps.roles.groupsOf) groups = await deps.roles.groupsOf(caller.oid || caller.upn);
    } catch (e) {
      if (isUnknownPerson(e)) throw new AuthError("Your account is not in this organisation's directory.");
      throw e;
    }
    return { actor: { upn: caller.upn, roles }, groups };
  }

  /** The actor's offices and the facts the step is judged on, for a step naming these people. */
  async function withOffices(actor: Actor, groups: string[], named: readonly Participant[]): Promise<{ actor: Actor; offices?: OfficeFacts }> {
    if (!deps.offices) return { actor };
    const groupsOf = (upn: string) => deps.roles.groupsOf?.(upn) ?? Promise.resolve([]);
    const found = await deps.offices.factsFor(actor.upn, groups, named, groupsOf);
    return { actor: { ...actor, offices: found.offices }, offices: found.facts };
  }

  const answer = (o: StepOutcome, origin?: string): ApiResponse => {
    if (!o.ok) return json(o.status, { reason: o.reason }, {}, origin);
    if (o.owed) deps.onOwed?.();
    return json(200, { customerId: o.customerId, seq: o.seq, caseFile: o.record.file, customer: o.record.customer, identities: o.record.identities, effects: o.effects, repeated: o.repeated, saved: o.projection !== null }, {}, origin);
  };

  async function route(req: ApiRequest, origin?: string): Promise<ApiResponse> {
    const m = /^\/api\/customers(?:\/([^/]+))?(\/steps)?\/?$/.exec(req.path);
    const settingsPath = req.path === "/api/me" || req.path === "/api/settings" || req.path.startsWith("/api/settings/");
    if (!m && !settingsPath) return json(404, { reason: "There is nothing at this address." }, {}, origin);
    const [, rawId, steps] = m ?? [];
    if (rawId !== undefined && !/^\d{1,12}$/.test(rawId)) return json(404, { reason: "That customer is not on the register." }, {}, origin);
    const get = req.method === "GET" && rawId && !steps;
    const post = req.method === "POST" && (steps ? !!rawId : !rawId);
    if (!settingsPath && !get && !post) return json(405, { reason: "That is not something this address does." }, { Allow: rawId && !steps ? "GET" : "POST" }, origin);
    const { actor: caller, groups } = await actorFor(req);
    if (settingsPath) {
      if (!deps.offices) return json(404, { reason: "There is nothing at this address." }, {}, origin);
      const { actor } = await withOffices(caller, groups, []);
      const a = await settingsRoute(req, actor, { site: deps.site, graph: deps.graph, offices: deps.offices });
      return json(a.status, a.body, {}, origin);
    }
    if (!caller.roles.length) return json(403, { reason: "You are not in any of the UPC groups, so the case register is not open to you. Ask an administrator if you think you should be." }, {}, origin);

    if (get) {
      const log = await loadLog(deps.site, rawId!);
      if (!log.customer && !log.events.length) return json(404, { reason: "That customer is not on the register." }, {}, origin);
      const r = replayLog(log.events, deps.offices ? presetsFor(await deps.offices.settings()) : getPreset);
      if (r.problem) return json(409, { reason: `This case's history has a problem an administrator must look at: ${r.problem}` }, {}, origin);
      return json(200, { customerId: rawId, seq: r.seq, caseFile: r.record.file, customer: r.record.customer, identities: r.record.identities }, {}, origin);
    }

    let body: { event?: unknown; idempotencyKey?: unknown };
    try {
      body = JSON.parse(req.body) as typeof body;
    } catch {
      return json(400, { reason: "The request is not JSON." }, {}, origin);
    }
    if (typeof body?.idempotencyKey !== "string" || !KEY.test(body.idempotencyKey)) {
      return json(400, { reason: "Each step needs an idempotencyKey: 8 to 200 letters, digits, dots, colons, hyphens or underscores (a UUID is ideal)." }, {}, origin);
    }
    const parsed = parseStepEvent(body.event);
    if (!parsed.ok) return json(422, { reason: parsed.problem }, {}, origin);
    // Offices are found for the caller and for everyone the checked step names, once the body has been read once.
    const named = "participants" in parsed.event ? (parsed.event.participants ?? []) : [];
    const { actor, offices } = await withOffices(caller, groups, named);
    // The organisation's choices as an administrator last saved them on the site; failing that, the service's own.
    const site = deps.offices ? await deps.offices.settings() : null;
    const settings = site ? site.organisation : deps.settings;
    const request = { event: parsed.event, actor, offices, idempotencyKey: body.idempotencyKey, owe: deps.owe, now: deps.now?.(), settings, ...(site ? { presets: presetsFor(site) } : {}) };
    return answer(steps ? await takeStep(deps.site, rawId!, request) : await openCustomer(deps.site, request), origin);
  }

  return {
    async handle(req: ApiRequest): Promise<ApiResponse> {
      const origin = req.headers.origin;
      if (req.method === "OPTIONS") return { status: origin && deps.allowedOrigins.includes(origin) ? 204 : 403, headers: cors(origin), body: "" };
      try {
        return await route(req, origin);
      } catch (e) {
        if (e instanceof AuthError) return json(401, { reason: e.message }, { "WWW-Authenticate": "Bearer" }, origin);
        const err = e instanceof DataError || (e as { statusCode?: number })?.statusCode ? toDataError(e) : null;
        deps.log.error("api.failed", { path: req.path.replace(/\d+/g, ":id"), ...errorFields(err ?? e) });
        if (!err) return json(500, { reason: "The case service could not take that step just now. Nothing was changed; try again, and tell an administrator if it keeps happening." }, {}, origin);
        if (err.retryable) return json(503, { reason: err.userMessage }, { "Retry-After": "5" }, origin);
        if (err instanceof DataError && err.kind === "Conflict") return json(409, { reason: err.userMessage }, {}, origin);
        return json(500, { reason: "The case service could not take that step just now. Nothing was changed; try again, and tell an administrator if it keeps happening." }, {}, origin);
      }
    },
  };
}

export type CaseApi = ReturnType<typeof createCaseApi>;
