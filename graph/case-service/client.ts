// The front ends' way to change the register: every step goes to the case service, which alone writes the lists.
// A refusal comes back in the service's words; a failure as a DataError the UI already knows how to explain.
import type { OfficeMap } from "../../shared/offices/mapping";
import type { CaseRecord, StepEvent } from "../../shared/register";
import type { PolicyValues } from "../../shared/settings/policy-values";
import type { OrganisationSettings } from "../../shared/settings/organisation";
import type { Effect } from "../../shared/workflow";
import { DataError, kindForStatus } from "../client/errors";
import type { TokenSource } from "../client/factory";

export interface StepAnswer {
  ok: true;
  customerId: string;
  seq: number;
  caseFile: CaseRecord["file"];
  customer: CaseRecord["customer"];
  identities: CaseRecord["identities"];
  effects: Effect[];
  /** The step had been stored already (a retry): this is the same answer again. */
  repeated: boolean;
}

/** The workflow or the service said no: who may do it (403), the case has moved on (409), or why not (422). */
export interface StepRefusal {
  ok: false;
  status: 403 | 409 | 422 | 404;
  reason: string;
  /** Each problem on its own, where the service lists them (a settings change). */
  problems?: string[];
}

/** Who the caller is to the case service: their roles, the offices they hold, and which offices anyone holds yet. */
export interface MeAnswer {
  upn: string;
  roles: string[];
  offices: string[];
  mapped: string[];
  organisation: OrganisationSettings;
  /** The organisation's values where a policy is silent: the case's history is read with them, as the service reads it. */
  policy?: PolicyValues;
}

/** The administrator's settings as stored, with the version each was read at (sent back with a change). */
export interface SettingsRead {
  offices: { id: string; title: string; audience: boolean; policies: string[] }[];
  map: OfficeMap;
  organisation: OrganisationSettings;
  /** The organisation's values where a policy is silent, by preset, and what each policy leaves silent. */
  policy: PolicyValues;
  silent: SilentSettings[];
  /** What could not be read from the stored settings, in words. */
  problems: string[];
  etags: { offices: string | null; organisation: string | null; policy: string | null };
}

/** One policy's settings its text leaves silent, with the words to ask for each and its bounds. */
export interface SilentSettings {
  presetId: string;
  title: string;
  organisation: string;
  settings: ({ path: string; label: string } & ({ kind: "int"; min: number; max: number; unit: string } | { kind: "bool" }))[];
}

export interface SettingsSaved {
  ok: true;
  map: OfficeMap;
  organisation: OrganisationSettings;
  etags: SettingsRead["etags"];
}

/** A change refused: each problem in words (422), someone saved in between (409), or not an administrator (403). */
export type SettingsRefusal = StepRefusal & { problems: string[] };

export type SettingKey = "offices" | "organisation" | "policy";
export type SettingValue<K extends SettingKey> = K extends "offices" ? OfficeMap : K extends "policy" ? PolicyValues : OrganisationSettings;

export interface CaseServiceClient {
  /** A step on an existing customer. Send the same key again to retry: it is stored once. */
  step(customerId: string, event: StepEvent, idempotencyKey: string): Promise<StepAnswer | StepRefusal>;
  /** A new customer (a contact log opened, or a record imported). */
  open(event: StepEvent, idempotencyKey: string): Promise<StepAnswer | StepRefusal>;
  /** The customer's record, replayed from the log. */
  get(customerId: string): Promise<Omit<StepAnswer, "effects" | "repeated">>;
  /** The caller's roles and offices, and which offices an administrator has named anyone to. */
  me(): Promise<MeAnswer>;
  /** The offices the policies name, who holds each, and the organisation's own choices (administrators only). */
  readSettings(): Promise<SettingsRead | StepRefusal>;
  /** Saves the office map or the organisation's choices, as read at `etag`. */
  saveSetting<K extends SettingKey>(key: K, value: SettingValue<K>, etag: string | null): Promise<SettingsSaved | SettingsRefusal>;
}

const UNREACHABLE = "The case service could not be reached, so nothing was changed. Check your connection, then try again.";

/** A fresh key for one person's action; the same key is sent again on Retry. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

export function createCaseServiceClient(opts: { baseUrl: string; tokens: TokenSource; fetch?: typeof fetch }): CaseServiceClient {
  const base = opts.baseUrl.replace(/\/+$/, "");
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  async function call<T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<T | StepRefusal> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${await opts.tokens.getToken()}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      if (e instanceof DataError) throw e;
      throw new DataError("Unreachable", UNREACHABLE, 0, undefined, (e as Error)?.message);
    }
    const text = await res.text();
    let json: { reason?: string } & Record<string, unknown> = {};
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    if (res.ok) return json as T;
    if (res.status === 403 || res.status === 409 || res.status === 422 || res.status === 404) {
      const problems = Array.isArray(json.problems) ? json.problems.filter((p): p is string => typeof p === "string") : [];
      return { ok: false, status: res.status, reason: json.reason ?? "The case service refused that step.", ...(problems.length ? { problems } : {}) };
    }
    const kind = res.status === 502 || res.status === 504 ? "Unreachable" : kindForStatus(res.status);
    throw new DataError(kind, json.reason ?? (kind === "Unreachable" ? UNREACHABLE : undefined), res.status);
  }

  const answer = (r: Omit<StepAnswer, "ok"> | StepRefusal): StepAnswer | StepRefusal => ("ok" in r && r.ok === false ? r : { ...(r as Omit<StepAnswer, "ok">), ok: true });

  return {
    async step(customerId, event, idempotencyKey) {
      return answer(await call<Omit<StepAnswer, "ok">>("POST", `/customers/${encodeURIComponent(customerId)}/steps`, { event, idempotencyKey }));
    },
    async open(event, idempotencyKey) {
      return answer(await call<Omit<StepAnswer, "ok">>("POST", "/customers", { event, idempotencyKey }));
    },
    async get(customerId) {
      const r = await call<Omit<StepAnswer, "ok" | "effects" | "repeated">>("GET", `/customers/${encodeURIComponent(customerId)}`);
      if ("ok" in r && r.ok === false) throw new DataError(r.status === 404 ? "NotFound" : "Invalid", r.reason, r.status);
      return r as Omit<StepAnswer, "effects" | "repeated">;
    },
    async me() {
      const r = await call<MeAnswer>("GET", "/me");
      if ("ok" in r && r.ok === false) throw refusalError(r);
      return r as MeAnswer;
    },
    async readSettings() {
      const r = await call<SettingsRead>("GET", "/settings");
      return r;
    },
    async saveSetting(key, value, etag) {
      const r = await call<Omit<SettingsSaved, "ok">>("PUT", `/settings/${key}`, { value, etag });
      if ("ok" in r && r.ok === false) return { ...r, problems: (r as SettingsRefusal).problems ?? [] };
      return { ...(r as Omit<SettingsSaved, "ok">), ok: true };
    },
  };
}

/** A refusal as an error for callers that show failures one way: the service's words, kept as they are. */
export function refusalError(r: StepRefusal): DataError {
  return new DataError(r.status === 403 ? "Forbidden" : r.status === 409 ? "Conflict" : r.status === 404 ? "NotFound" : "Invalid", r.reason, r.status);
}
