// The tenant build's commands.js, exactly as deployed, run in a stand-in for classic Outlook's JavaScript-only event
// runtime (test/support/js-runtime.ts: no DOM, no storage, no location, no crypto, no URL) with real MSAL talking to a
// stand-in NAA broker and Graph answered by the emulator. Microsoft Learn, "Activate add-ins with events"
// (https://learn.microsoft.com/office/dev/add-ins/develop/event-based-activation): one file, no imports, no onReady.
import { buildCommandsBundle } from "../../scripts/commands-bundle.js";
import { startProduct, type Product } from "../support/product";
import { loadInJsRuntime, type RuntimeOptions } from "../support/js-runtime";
import { userToken } from "../support/tokens";

const TENANT_BUILD = {
  mode: "tenant",
  graphBaseUrl: "https://graph.microsoft.com/v1.0",
  site: "127.0.0.1:/sites/upc",
  tenantId: "11111111-2222-3333-4444-555555555555",
  clientId: "66666666-7777-8888-9999-000000000000",
  defaultPolicy: "council-ccm-2014",
};
const HANDLER = "onMessageSendHandler";
const ME = "sam.officer@upc.test";

let product: Product;
let code: string;

beforeAll(async () => {
  [product, { code }] = await Promise.all([startProduct({ seed: true }), buildCommandsBundle(TENANT_BUILD, { production: true })]);
}, 120_000);
afterAll(() => product?.close());

/** Graph as the emulator answers it, reached at Microsoft Graph's address (the only host a tenant build will call). */
function emulatorGraph(): RuntimeOptions["graph"] {
  return (url, init) => {
    if (!url.startsWith(TENANT_BUILD.graphBaseUrl)) throw new Error(`The handler called ${url}, which is not Microsoft Graph.`);
    return fetch(`${product.emu.url}${url.slice(TENANT_BUILD.graphBaseUrl.length)}`, init);
  };
}

function runtime(over: Partial<RuntimeOptions> = {}) {
  return loadInJsRuntime(code, { me: ME, to: [], accessToken: userToken(ME), graph: emulatorGraph(), ...over });
}

describe("commands.js in classic Outlook's JavaScript-only runtime (stand-in)", () => {
  it("is one file that loads with no DOM, storage, location or loader, and registers the send handler", () => {
    expect(code).not.toMatch(/\bimport\s*\(|importScripts|__webpack_require__\.e\b/);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const rt = runtime();
    expect([...rt.handlers.keys()]).toEqual([HANDLER]);
    const names = rt.globalNames();
    for (const absent of ["document", "location", "self", "localStorage", "sessionStorage", "URL", "TextEncoder", "XMLHttpRequest"]) expect(names).not.toContain(absent);
  });

  it("warns before mail goes to a restricted customer, naming the single point of contact, and completes once", async () => {
    const rt = runtime({ to: ["O'Brien@example.org", "alice@example.com"] });
    const { completions } = await rt.send(HANDLER);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", cancelLabel: "Don't send" });
    expect(completions[0].errorMessage).toMatch(/Seán O'Brien \(UPC-\d+\): only Kim Officer, their single point of contact, should write to them/);
    expect(rt.brokerCalls).toEqual(["GetInitContext", "GetToken"]);
    expect(rt.graphCalls.every((c) => c.startsWith("POST https://graph.microsoft.com/v1.0/$batch"))).toBe(true);
  });

  it("lets mail to people who are not on the register go, completing once", async () => {
    const rt = runtime({ to: ["alice@example.com", "bob@example.org"] });
    const { completions, notices } = await rt.send(HANDLER);
    expect(completions).toEqual([{ allowEvent: true }]);
    expect(notices).toEqual([]);
  });

  it("signs in silently only: when the broker needs the person, the mail goes with a notice to sign in from the pane", async () => {
    const rt = runtime({ to: ["o'brien@example.org"], broker: "interaction-required" });
    const { completions, notices } = await rt.send(HANDLER);
    expect(completions).toEqual([{ allowEvent: true }]);
    expect(notices.join("\n")).toMatch(/could not check the recipients/);
    expect(rt.brokerCalls).not.toContain("GetTokenPopup");
    expect(rt.graphCalls).toEqual([]);
  });

  it("on Outlook without nested app authentication (before 2409), does not start MSAL and lets the mail go with the notice", async () => {
    const rt = runtime({ to: ["o'brien@example.org"], naa: false });
    const { completions, notices } = await rt.send(HANDLER);
    expect(completions).toEqual([{ allowEvent: true }]);
    expect(notices).toHaveLength(1);
    expect(rt.brokerCalls).toEqual([]);
  });

  it("gives up before Outlook's own patience runs out when the broker never answers, completing once", async () => {
    const rt = runtime({ to: ["o'brien@example.org"], broker: "silent" });
    const started = Date.now();
    const { completions } = await rt.send(HANDLER, 9000);
    expect(completions).toEqual([{ allowEvent: true }]);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it("lets the mail go once when the register answers with errors", async () => {
    const rt = runtime({ to: ["o'brien@example.org"], graph: async () => new Response(JSON.stringify({ error: { code: "accessDenied", message: "no" } }), { status: 403 }) });
    const { completions, notices } = await rt.send(HANDLER);
    expect(completions).toEqual([{ allowEvent: true }]);
    expect(notices).toHaveLength(1);
  });
});
