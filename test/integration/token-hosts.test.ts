// Tokens go to Microsoft Graph or to this machine's emulator, and nowhere else (issue: in tenant mode the service
// took any GRAPH_BASE_URL and the client attached the tenant token to non-Microsoft hosts). Graph's hosts are the
// national clouds Microsoft Learn lists ("National cloud deployments"). Real HTTP for the link-following case.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createGraph } from "../../graph/client/factory";
import { configFromEnv, ConfigError } from "../../service/config";

const TENANT = {
  SERVICE_PUBLIC_URL: "https://upc.example.org",
  SERVICE_CLIENT_STATE: "a-very-secret-client-state-value-123456",
  SERVICE_TENANT_ID: "t",
  SERVICE_CLIENT_ID: "c",
  SERVICE_CLIENT_SECRET: "shh-secret",
  SERVICE_MAILBOXES: "complaints@council.example",
};

function listen(server: Server, host: string): Promise<string> {
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

describe("the service's Graph address on a tenant", () => {
  it("is refused unless it is Microsoft Graph over https, naming the setting and the hosts allowed", () => {
    for (const bad of ["https://graph.evil.example/v1.0", "http://graph.microsoft.com/v1.0", "https://graph.microsoft.com.evil.example/v1.0"]) {
      let err: unknown;
      try {
        configFromEnv({ ...TENANT, GRAPH_BASE_URL: bad });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toContain(`GRAPH_BASE_URL ${bad} is not Microsoft Graph`);
    }
    for (const good of ["https://graph.microsoft.com/v1.0", "https://graph.microsoft.us/v1.0", "https://dod-graph.microsoft.us/v1.0", "https://microsoftgraph.chinacloudapi.cn/v1.0"]) {
      expect(configFromEnv({ ...TENANT, GRAPH_BASE_URL: good }).graphBaseUrl).toBe(good);
    }
  });
});

describe("the Graph client", () => {
  it("will not be made for an address that is neither Microsoft Graph nor this machine", () => {
    expect(() => createGraph({ baseUrl: "https://graph.evil.example/v1.0", tokens: { getToken: async () => "tenant-token" } })).toThrow(/neither Microsoft Graph nor the local emulator; no token is sent there/);
  });

  it("sends the token to the emulator on this machine, and does not follow a next link to another host", async () => {
    const seen: { host: string; auth: string | undefined }[] = [];
    const elsewhere = createServer((req, res) => {
      seen.push({ host: "elsewhere", auth: req.headers.authorization });
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ value: [{ id: "2" }] }));
    });
    // 127.0.0.2 is this machine too, but not an address the product treats as its emulator.
    const elsewhereUrl = await listen(elsewhere, "127.0.0.2");
    const local = createServer((req, res) => {
      seen.push({ host: "local", auth: req.headers.authorization });
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ value: [{ id: "1" }], "@odata.nextLink": `${elsewhereUrl}/v1.0/things?page=2` }));
    });
    const localUrl = await listen(local, "127.0.0.1");
    try {
      const graph = createGraph({ baseUrl: `${localUrl}/v1.0`, tokens: { getToken: async () => "tenant-token" } });
      await expect(graph.getAll<{ id: string }>("/things")).rejects.toThrow(/a link to another address; it was not followed/);
      expect(seen).toEqual([{ host: "local", auth: "Bearer tenant-token" }]);
    } finally {
      elsewhere.close();
      local.close();
    }
  });
});
