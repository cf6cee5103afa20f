// The service's configuration: from the environment (or given in code), validated with zod, with clear messages.
// Secrets (clientState, client secret) are held here and never logged: describeConfig() is the only printable view.
import { GRAPH_HOSTS, isGraphUrl, isLoopbackUrl } from "../shared/endpoints/graph-hosts";
import { z } from "zod";
import { parseSettings, type OrganisationSettings } from "../shared/settings/organisation";

/** The emulator's fixed development clientState: only ever used against a loopback Graph. */
const DEV_CLIENT_STATE = "upc-emulator-client-state-for-local-development-only";

export interface ServiceOptions {
  /** Graph v1.0 root: the emulator (default http://127.0.0.1:4000/v1.0) or https://graph.microsoft.com/v1.0. */
  graphBaseUrl?: string;
  /** Port for the Node server; 0 picks a free one (default 4100). */
  port?: number;
  host?: string;
  /** Where Graph reaches this service: notifications go to `${publicUrl}/notifications`. Default http://127.0.0.1:<port>. */
  publicUrl?: string;
  /** The SharePoint site holding the lists (default "root"). */
  siteId?: string;
  /** Mailboxes to watch. Against the emulator, leaving this out watches every mailbox in the directory. */
  mailboxes?: string[] | null;
  /** Secret Graph echoes on every notification (32–128 characters); required on a tenant. */
  clientState?: string;
  /** App registration for client-credentials sign-in on a tenant. */
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Mailbox notices and reminders are sent from (default: the first watched shared inbox, else the first mailbox). */
  noticeFrom?: string;
  /** Who escalations go to besides the review's owner (default: members of the UPC Managers group). */
  escalateTo?: string[];
  /** Run the scheduler on a timer in the Node server (default true). */
  scheduler?: boolean;
  registerPollMs?: number;
  upkeepMs?: number;
  sweepMs?: number;
  schedulerMs?: number;
  coalesceMs?: number;
  readIntervalMs?: number;
  persistMs?: number;
  cardCacheMs?: number;
  initialLookbackHours?: number;
  subscriptionMinutes?: number;
  renewBeforeMinutes?: number;
  reminderDays?: number;
  appealWarnDays?: number;
  monitoringEndDecisionDays?: number;
  /** Names this instance in leases and logs (default: a random id). */
  instanceId?: string;
  /** The case service API's Application ID URI (default api://<client id>): the audience its tokens must carry. */
  apiAudience?: string;
  /** The delegated scope people's tokens for the API must hold (default access_as_user). */
  apiScope?: string;
  /** Browser origins allowed to call the API across origins (the add-in's host in a tenant). */
  allowedOrigins?: string[];
  /** How often the outbox looks for notices still to send (default 5 s; a step owing one sends it at once). */
  outboxMs?: number;
  /** How often rows changed since the last look are checked against the log (default 10 s). */
  driftMs?: number;
  /** How often the register audit reads what changed, to list rows that do not read (default 1 minute). */
  auditMs?: number;
  /** Watch mailboxes (default on); off runs the case service alone: its API, outbox, watch and scheduler. */
  flagging?: boolean;
  /**
   * How long an instance holds a notice it is sending (default 2 minutes): longer than a send takes, and than Exchange
   * takes to move a sent draft to Sent Items, so another instance never sends it again.
   */
  claimMs?: number;
  /**
   * The organisation's own choices where no policy speaks (JSON text or an object, e.g. {"lapseAtReview": true});
   * read tolerantly: anything unreadable stays off. From UPC_ORGANISATION_SETTINGS.
   */
  settings?: unknown;
}

const positiveMs = (name: string) => z.number({ error: `${name} must be a number of milliseconds` }).int().min(0, `${name} cannot be negative`);

const schema = z
  .object({
    graphBaseUrl: z.url({ error: "GRAPH_BASE_URL must be a full URL such as https://graph.microsoft.com/v1.0" }),
    port: z.number({ error: "SERVICE_PORT must be a number" }).int().min(0).max(65535, "SERVICE_PORT must be a port number (0–65535)"),
    host: z.string().min(1),
    publicUrl: z.url({ error: "SERVICE_PUBLIC_URL must be a full URL such as https://upc.example.org" }).optional(),
    siteId: z.string().min(1, "UPC_SITE must name the SharePoint site"),
    mailboxes: z.array(z.email({ error: "SERVICE_MAILBOXES must be a comma-separated list of e-mail addresses" })).min(1, "SERVICE_MAILBOXES lists no mailbox").nullable(),
    clientState: z.string().min(32, "SERVICE_CLIENT_STATE must be at least 32 characters").max(128, "SERVICE_CLIENT_STATE must be at most 128 characters (Graph's limit)").optional(),
    tenantId: z.string().min(1).optional(),
    clientId: z.string().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    noticeFrom: z.email({ error: "SERVICE_NOTICE_FROM must be an e-mail address" }).optional(),
    escalateTo: z.array(z.email({ error: "SERVICE_ESCALATE_TO must be a comma-separated list of e-mail addresses" })).optional(),
    scheduler: z.boolean(),
    registerPollMs: positiveMs("registerPollMs").max(60_000, "the register must be read at least once a minute so rules are rebuilt within a minute"),
    upkeepMs: positiveMs("upkeepMs"),
    sweepMs: positiveMs("sweepMs"),
    schedulerMs: positiveMs("schedulerMs"),
    coalesceMs: positiveMs("coalesceMs"),
    readIntervalMs: positiveMs("readIntervalMs"),
    persistMs: positiveMs("persistMs"),
    cardCacheMs: positiveMs("cardCacheMs"),
    initialLookbackHours: z.number().min(0),
    subscriptionMinutes: z.number().int().min(45, "subscriptions last at least 45 minutes").max(10_080, "Graph keeps a mail subscription at most 10,080 minutes"),
    renewBeforeMinutes: z.number().int().min(1),
    reminderDays: z.number().int().min(1),
    appealWarnDays: z.number().int().min(1),
    monitoringEndDecisionDays: z.number().int().min(1),
    instanceId: z.string().min(1),
    apiAudience: z.string().min(1).optional(),
    apiScope: z.string().regex(/^[A-Za-z0-9._-]+$/, "CASE_API_SCOPE must be a scope name such as access_as_user"),
    allowedOrigins: z.array(z.url({ error: "CASE_API_ALLOWED_ORIGINS must be a comma-separated list of https:// origins" })),
    outboxMs: positiveMs("outboxMs"),
    driftMs: positiveMs("driftMs"),
    flagging: z.boolean(),
    auditMs: positiveMs("auditMs"),
    claimMs: positiveMs("claimMs").min(1_000, "a claim must last at least a second"),
  })
  .superRefine((c, ctx) => {
    if (isLoopbackUrl(c.graphBaseUrl)) return;
    // A real tenant: nothing may be guessed, and the app's token goes to Microsoft Graph and nowhere else.
    const need = (ok: unknown, path: string, message: string) => ok || ctx.addIssue({ code: "custom", path: [path], message });
    need(isGraphUrl(c.graphBaseUrl), "graphBaseUrl", `GRAPH_BASE_URL ${c.graphBaseUrl} is not Microsoft Graph: on a tenant it must be https://graph.microsoft.com/v1.0 or a national cloud's Graph (${GRAPH_HOSTS.join(", ")})`);
    need(c.clientState, "clientState", "SERVICE_CLIENT_STATE is required on a tenant (a random secret of 32–128 characters)");
    need(c.tenantId && c.clientId && c.clientSecret, "clientSecret", "SERVICE_TENANT_ID, SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET are required on a tenant");
    need(c.mailboxes, "mailboxes", "SERVICE_MAILBOXES is required on a tenant: list the mailboxes to watch");
    need(c.publicUrl?.startsWith("https://"), "publicUrl", "SERVICE_PUBLIC_URL must be an https:// address Graph can reach");
    for (const o of c.allowedOrigins) need(o.startsWith("https://"), "allowedOrigins", `CASE_API_ALLOWED_ORIGINS: ${o} must be an https:// origin on a tenant`);
  });

export type ServiceConfig = z.infer<typeof schema> & {
  clientState: string;
  /** True when Graph is the local emulator (development tokens are used). */
  emulator: boolean;
  settings: OrganisationSettings;
  /** What was set aside in the organisation settings, in words (the service logs it at start). */
  settingsProblems: string[];
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The service's configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const DEFAULTS = {
  graphBaseUrl: "http://127.0.0.1:4000/v1.0",
  port: 4100,
  siteId: "root",
  scheduler: true,
  registerPollMs: 5_000,
  upkeepMs: 60_000,
  sweepMs: 5 * 60_000,
  schedulerMs: 5 * 60_000,
  coalesceMs: 50,
  readIntervalMs: 1_000,
  persistMs: 5_000,
  cardCacheMs: 30_000,
  initialLookbackHours: 24,
  subscriptionMinutes: 3 * 24 * 60,
  renewBeforeMinutes: 24 * 60,
  reminderDays: 14,
  appealWarnDays: 5,
  monitoringEndDecisionDays: 14,
  apiScope: "access_as_user",
  allowedOrigins: [] as string[],
  outboxMs: 5_000,
  driftMs: 10_000,
  flagging: true,
  auditMs: 60_000,
  claimMs: 120_000,
};

/** Validates options (defaults filled in); throws a ConfigError listing every problem in words. */
export function parseConfig(options: ServiceOptions = {}): ServiceConfig {
  const graphBaseUrl = options.graphBaseUrl ?? DEFAULTS.graphBaseUrl;
  let emulator = true;
  try {
    emulator = isLoopbackUrl(graphBaseUrl);
  } catch {
    // reported by the schema
  }
  const input = {
    ...DEFAULTS,
    host: emulator ? "127.0.0.1" : "0.0.0.0",
    instanceId: `upc-service-${Math.random().toString(36).slice(2, 10)}`,
    mailboxes: null,
    ...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== "settings")),
    graphBaseUrl,
  };
  const settings = parseSettings(options.settings);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => (i.message.includes(" ") ? i.message : `${i.path.join(".")}: ${i.message}`)));
  }
  const c = parsed.data;
  return {
    ...c,
    mailboxes: c.mailboxes ? c.mailboxes.map((m) => m.toLowerCase()) : null,
    clientState: c.clientState ?? DEV_CLIENT_STATE,
    allowedOrigins: c.allowedOrigins.map((o) => new URL(o).origin),
    apiAudience: c.apiAudience ?? (c.clientId ? `api://${c.clientId}` : undefined),
    emulator,
    settings: settings.settings,
    settingsProblems: settings.problems,
  };
}

const list = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.split(/[,;\s]+/).filter(Boolean));
function num(env: Record<string, string | undefined>, name: string, problems: string[]): number | undefined {
  const v = env[name];
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) problems.push(`${name} must be a number (it is "${v.slice(0, 20)}")`);
  return n;
}
function bool(env: Record<string, string | undefined>, name: string): boolean | undefined {
  const v = env[name]?.trim().toLowerCase();
  if (!v) return undefined;
  return !["0", "false", "off", "no"].includes(v);
}

/** Options from environment variables (SERVICE_*, GRAPH_BASE_URL, UPC_SITE); then parseConfig. */
export function configFromEnv(env: Record<string, string | undefined> = process.env): ServiceConfig {
  const problems: string[] = [];
  const options: ServiceOptions = {
    graphBaseUrl: env.GRAPH_BASE_URL || undefined,
    port: num(env, "SERVICE_PORT", problems),
    host: env.SERVICE_HOST || undefined,
    publicUrl: env.SERVICE_PUBLIC_URL || undefined,
    siteId: env.UPC_SITE || undefined,
    mailboxes: list(env.SERVICE_MAILBOXES),
    clientState: env.SERVICE_CLIENT_STATE || undefined,
    tenantId: env.SERVICE_TENANT_ID || undefined,
    clientId: env.SERVICE_CLIENT_ID || undefined,
    clientSecret: env.SERVICE_CLIENT_SECRET || undefined,
    noticeFrom: env.SERVICE_NOTICE_FROM || undefined,
    escalateTo: list(env.SERVICE_ESCALATE_TO),
    scheduler: bool(env, "SERVICE_SCHEDULER"),
    registerPollMs: num(env, "SERVICE_REGISTER_POLL_MS", problems),
    schedulerMs: num(env, "SERVICE_SCHEDULER_MS", problems),
    initialLookbackHours: num(env, "SERVICE_INITIAL_LOOKBACK_HOURS", problems),
    instanceId: env.SERVICE_INSTANCE_ID || env.WEBSITE_INSTANCE_ID || undefined,
    apiAudience: env.CASE_API_AUDIENCE || undefined,
    apiScope: env.CASE_API_SCOPE || undefined,
    allowedOrigins: list(env.CASE_API_ALLOWED_ORIGINS),
    flagging: bool(env, "SERVICE_FLAGGING"),
    outboxMs: num(env, "SERVICE_OUTBOX_MS", problems),
    driftMs: num(env, "SERVICE_DRIFT_MS", problems),
    claimMs: num(env, "SERVICE_CLAIM_MS", problems),
    auditMs: num(env, "SERVICE_AUDIT_MS", problems),
    settings: env.UPC_ORGANISATION_SETTINGS || undefined,
  };
  if (problems.length) throw new ConfigError(problems);
  return parseConfig(options);
}

/** What may be printed: never the clientState or the client secret. */
export function describeConfig(c: ServiceConfig): Record<string, string | number | boolean> {
  return {
    graph: c.emulator ? "emulator" : new URL(c.graphBaseUrl).host,
    site: c.siteId,
    mailboxes: c.mailboxes ? c.mailboxes.length : "all in the directory",
    scheduler: c.scheduler,
    clientState: "(set)",
    lapseAtReview: c.settings.lapseAtReview,
    nationalLetterElements: c.settings.nationalLetterElements,
    ...(c.clientSecret ? { clientSecret: "(set)" } : {}),
  };
}
