// The case service inside a running service: its API, who may call it, the notices its steps owe and the outbox
// that sends them. The Node server and the Functions app each build one from their runtime.
import type { Graph } from "../../graph/client/factory";
import type { Site } from "../../graph/repos/items";
import type { ServiceConfig } from "../config";
import type { Logger } from "../log";
import { createCaseApi, type CaseApi } from "./api";
import type { Owe } from "../../graph/caselog";
import { Outbox } from "./outbox";
import { presetsFor, siteOffices, type OfficeSource } from "./offices";
import { directoryRoles } from "./roles";
import { RegisterWatch } from "./watch";
import { RegisterAudit } from "./audit";
import { ProblemLedger } from "./problems";
import { developmentTokens, entraTokens, type TokenCheck } from "./tokens";

export { isApiPath, MAX_API_BODY, type ApiRequest, type ApiResponse } from "./api";

export interface CaseService {
  api: CaseApi;
  /** The office map and the organisation's choices, as kept on the site. */
  offices: OfficeSource;
  outbox: Outbox;
  /** Finishes steps not yet projected, and puts back rows changed by hand (reporting them). */
  watch: RegisterWatch;
  /** Rows that do not read, listed once for administrators. */
  ledger: ProblemLedger;
  /** Checks every row of every list once, then each as it changes. */
  audit: RegisterAudit;
}

export interface CaseServiceParts {
  config: ServiceConfig;
  graph: Graph;
  site: Site;
  log: Logger;
  noticeFrom(): string;
  /** Composes the notices a step owes. */
  owe: Owe;
  /** Tests replace the token check (a tenant configuration with keys of their own). */
  tokens?: TokenCheck;
  /** The clock steps are judged by (tests move it on; the service uses the real one). */
  now?: () => Date;
}

/** Development tokens only against the emulator; a tenant configuration accepts nothing but Entra's signed tokens. */
export function tokenCheckFor(config: ServiceConfig): TokenCheck {
  if (config.emulator) return developmentTokens();
  return entraTokens({ tenantId: config.tenantId!, audiences: [config.apiAudience!, config.clientId!].filter(Boolean), scope: config.apiScope });
}

export function createCaseService(p: CaseServiceParts): CaseService {
  // The organisation's choices an administrator saved on the site win over the service's configured defaults.
  const offices = siteOffices(p.site, undefined, p.config.settings);
  const outbox = new Outbox({ site: p.site, graph: p.graph, log: p.log, instanceId: p.config.instanceId, from: p.noticeFrom, claimMs: p.config.claimMs });
  const api = createCaseApi({
    site: p.site,
    tokens: p.tokens ?? tokenCheckFor(p.config),
    roles: directoryRoles(p.graph),
    offices,
    graph: p.graph,
    owe: p.owe,
    log: p.log,
    allowedOrigins: p.config.allowedOrigins,
    now: p.now,
    settings: p.config.settings,
    // A moment's wait lets the notices of steps taken together go out in one sweep.
    onOwed: () => void setTimeout(() => void outbox.sweep().catch((e) => p.log.error("outbox.failed", { error: (e as Error).name })), 25),
  });
  const ledger = new ProblemLedger({ site: p.site, log: p.log });
  return { api, outbox, ledger, offices, watch: new RegisterWatch({ site: p.site, log: p.log, ledger, presets: async () => presetsFor(await offices.settings()) }), audit: new RegisterAudit({ site: p.site, ledger }) };
}
