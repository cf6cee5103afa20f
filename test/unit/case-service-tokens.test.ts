// Who may call the case service: Entra access tokens checked against the tenant's keys (signature, issuer, audience,
// expiry, scope), as Microsoft documents for validating tokens (learn.microsoft.com/entra/identity-platform/access-tokens);
// and the emulator's unsigned development tokens accepted only when the service itself runs against the emulator.
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { parseConfig } from "../../service/config";
import { tokenCheckFor } from "../../service/cases";
import { entraTokens } from "../../service/cases/tokens";
import { userToken } from "../support/tokens";

const TENANT = "11111111-2222-3333-4444-555555555555";
const API = "api://66666666-7777-8888-9999-000000000000";
const CLIENT = "66666666-7777-8888-9999-000000000000";

let sign: (claims: Record<string, unknown>, opts?: { kid?: string; alg?: string }) => Promise<string>;
let check: ReturnType<typeof entraTokens>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const other = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  check = entraTokens({ tenantId: TENANT, audiences: [API, CLIENT], scope: "access_as_user", keys: createLocalJWKSet({ keys: [jwk] }) });
  sign = async (claims, opts = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: opts.kid ?? "k1", typ: "JWT" })
      .setIssuedAt()
      .sign(opts.kid === "other" ? other.privateKey : privateKey);
});

const good = () => ({
  iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  aud: API,
  tid: TENANT,
  oid: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  preferred_username: "Dee.Decider@council.example",
  scp: "access_as_user",
  exp: Math.floor(Date.now() / 1000) + 3600,
  nbf: Math.floor(Date.now() / 1000) - 60,
});

describe("Entra access tokens for the case service", () => {
  it("accepts a token signed by the tenant's key, for this API, in date, with its scope (v2 and v1 issuers)", async () => {
    expect(await check.verify(`Bearer ${await sign(good())}`)).toEqual({ upn: "dee.decider@council.example", oid: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" });
    const v1 = { ...good(), iss: `https://sts.windows.net/${TENANT}/`, preferred_username: undefined, upn: "dee.decider@council.example", aud: CLIENT };
    expect((await check.verify(`Bearer ${await sign(v1)}`)).upn).toBe("dee.decider@council.example");
  });

  it.each([
    ["signed by a key that is not the tenant's", async () => sign(good(), { kid: "other" })],
    ["for another API", async () => sign({ ...good(), aud: "api://someone-else" })],
    ["from another tenant", async () => sign({ ...good(), iss: "https://login.microsoftonline.com/99999999-9999-9999-9999-999999999999/v2.0", tid: "99999999-9999-9999-9999-999999999999" })],
    ["expired", async () => sign({ ...good(), exp: Math.floor(Date.now() / 1000) - 3600 })],
    ["for an app, with no person", async () => sign({ ...good(), oid: undefined })],
    ["the emulator's unsigned development token", async () => userToken("dee.decider@upc.test")],
  ])("refuses a token %s (401 in words)", async (_what, make) => {
    await expect(check.verify(`Bearer ${await make()}`)).rejects.toMatchObject({ name: "AuthError", message: expect.stringMatching(/sign/i) });
  });

  it("refuses a token without the API's scope, saying consent is missing", async () => {
    await expect(check.verify(`Bearer ${await sign({ ...good(), scp: "User.Read" })}`)).rejects.toMatchObject({ message: expect.stringMatching(/grant consent/) });
  });

  it("refuses a missing or malformed Authorization header", async () => {
    await expect(check.verify(undefined)).rejects.toMatchObject({ message: expect.stringMatching(/not signed in/) });
    await expect(check.verify("Basic abc")).rejects.toMatchObject({ name: "AuthError" });
  });
});

describe("which tokens a configuration accepts", () => {
  it("accepts development tokens only against the emulator", async () => {
    const emulator = tokenCheckFor(parseConfig({ graphBaseUrl: "http://127.0.0.1:4000/v1.0" }));
    expect(await emulator.verify(`Bearer ${userToken("Sam.Officer@upc.test")}`)).toMatchObject({ upn: "sam.officer@upc.test" });
  });

  it("refuses them in a tenant configuration, whatever the token says", async () => {
    const tenant = tokenCheckFor(
      parseConfig({
        graphBaseUrl: "https://graph.microsoft.com/v1.0",
        tenantId: TENANT,
        clientId: CLIENT,
        clientSecret: "secret",
        clientState: "x".repeat(40),
        mailboxes: ["complaints@council.example"],
        publicUrl: "https://upc-service.example/api",
      }),
    );
    await expect(tenant.verify(`Bearer ${userToken("admin@upc.test")}`)).rejects.toMatchObject({ name: "AuthError" });
  });
});
