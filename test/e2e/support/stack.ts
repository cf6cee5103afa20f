// The whole add-in stack for end-to-end tests: the emulator with demo data, the production build, and the https
// server that serves it and proxies /graph to the emulator (as `npm start` does, without webpack-dev-server).
import { resolve } from "node:path";
import { buildAddin, type BuildResult } from "../../../scripts/build-addin";
import { ensureDevCerts } from "../../../scripts/certs";
import { startDevServer, type DevServer } from "../../../scripts/dev-server";
import { startCaseService, startProduct, type Product } from "../../support/product";

export interface AddinStack {
  product: Product;
  server: DevServer;
  build: BuildResult;
  harness(user: string, message?: string, extra?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startAddinStack(): Promise<AddinStack> {
  const [product, build, certs] = await Promise.all([
    startProduct({ seed: true }),
    buildAddin({ outDir: resolve("test-results/e2e-dist"), mode: "production", noTeams: true }),
    // A certificate of the same kind as npm start's, kept with the test results rather than in the home folder.
    ensureDevCerts(resolve("test-results/.certs")),
  ]);
  const service = await startCaseService(product);
  const server = await startDevServer({ port: 0, root: build.outDir, graphOrigin: product.emu.origin, serviceOrigin: service.url, tls: certs });
  return {
    product,
    server,
    build,
    harness: (user, message, extra = {}) => `${server.origin}/harness.html?${new URLSearchParams({ user, ...(message ? { message } : {}), ...extra }).toString()}`,
    close: async () => {
      await server.close();
      await service.close();
      await product.close();
    },
  };
}
