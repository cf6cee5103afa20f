// Signing in and the one Graph client, loaded as its own chunk after the shell has painted: the sign-in library and
// the schema validation it brings are not part of the tab's first JavaScript.
import { ConfigError, createAccountManager, createCaseServiceTokens } from "../../auth";
import { createCaseServiceClient } from "../../../graph/case-service/client";
import { pageConfig } from "../../pane-data/build";
import { createGraph } from "../../../graph/client/factory";
import { whoAmI } from "../../../graph/directory/roles";
import type { TabServices } from "./services";

export type Session = { ok: true; services: TabServices } | { ok: false; problem: string };

export async function startSession(url: URL): Promise<Session> {
  let graph;
  let siteId;
  let cases;
  try {
    const config = pageConfig(url);
    graph = createGraph({ baseUrl: config.graphBaseUrl, tokens: createAccountManager(config, "teams") });
    cases = createCaseServiceClient({ baseUrl: config.caseServiceUrl ?? "", tokens: createCaseServiceTokens(config, "teams") });
    siteId = config.site;
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, problem: e.message };
    return { ok: false, problem: "The tab could not start: its configuration is incomplete." };
  }
  const me = await whoAmI(graph);
  return { ok: true, services: { graph, site: { graph, siteId }, cases, me, now: () => new Date() } };
}
