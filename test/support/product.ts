// An emulator provisioned with the product's schema, and Graph clients for each demo person, for integration tests.
import { provisionDevSite } from "../../graph/provision/dev-site";
import { startEmulator, type ThrottleOptions } from "../../emulator";
import { createGraph, type Graph } from "../../graph/client/factory";
import { devAppTokens, devUserTokens } from "../../graph/auth/dev-token";
import type { Site } from "../../graph/repos/items";
import { emulatorDelivery } from "../../scripts/demo/deliver";
import { seedDemo, type SeedSummary } from "../../scripts/demo/seed";
import { startService, type RunningService } from "../../service/server";
import { TEST_THROTTLE } from "./throttle";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export interface Product {
  emu: Emulator;
  graphAs(upn: string): Graph;
  siteAs(upn: string): Site;
  app: Graph;
  admin: Site;
  seeded?: SeedSummary;
  close(): Promise<void>;
}

export async function startProduct(opts: { seed?: boolean; chaos?: number; retryAfterSeconds?: number; dataDir?: string | null; throttle?: ThrottleOptions | false } = {}): Promise<Product> {
  const emu = await startEmulator({ port: 0, dataDir: opts.dataDir ?? null, reset: true, retryAfterSeconds: opts.retryAfterSeconds ?? 0.05, throttle: opts.throttle ?? TEST_THROTTLE });
  const graphAs = (upn: string) => createGraph({ baseUrl: emu.url, tokens: devUserTokens(upn) });
  const siteAs = (upn: string): Site => ({ graph: graphAs(upn), siteId: "root" });
  const app = createGraph({ baseUrl: emu.url, tokens: devAppTokens() });
  const adminGraph = graphAs("admin@upc.test");
  await provisionDevSite(adminGraph);
  const admin: Site = { graph: adminGraph, siteId: "root" };
  const seeded = opts.seed ? await seedDemo(app, emulatorDelivery(emu)) : undefined;
  if (opts.chaos) emu.setChaos(opts.chaos);
  return { emu, graphAs, siteAs, app, admin, seeded, close: () => emu.close() };
}

/** The case service alone (its API and outbox, no mailbox watching) against a product's emulator, on a free port. */
export function startCaseService(p: Product, extra: Parameters<typeof startService>[0] = {}): Promise<RunningService> {
  return startService({ graphBaseUrl: p.emu.url, port: 0, flagging: false, scheduler: false, noticeFrom: "complaints@upc.test", mailboxes: ["complaints@upc.test"], log: () => undefined, ...extra });
}
