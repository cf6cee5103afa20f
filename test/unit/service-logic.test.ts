// The flagging service's pure parts: the flagged-identity index, rule planning under the quota, category patches,
// notification checks, breach wording, configuration and the log's masking.
import { FlaggedIndex, cheapNormal } from "../../service/flagging/flag-index";
import { sameSecret, secretFingerprint, verifyNotifications } from "../../service/flagging/notifications";
import { breachText } from "../../service/flagging/processor";
import { ConfigError, configFromEnv, describeConfig, parseConfig } from "../../service/config";
import { createLogger } from "../../service/log";
import { flagCategoryRequest, planFlagRules, ruleBytes, ruleKey, RULES_QUOTA_BYTES } from "../../graph/mail";

describe("the flagged-identity index", () => {
  const index = new FlaggedIndex();
  const set = (id: string, status: string, ...identities: [string, string][]) => index.set(id, { status, identities: identities.map(([kind, value]) => ({ kind, value })) });
  set("10", "Restricted", ["Email", "o'brien@example.org"], ["Phone", "+447700900123"]);
  set("11", "Restricted", ["Domain", "@vexford.example"]);
  set("12", "Monitoring", ["Email", "wendy@example.org"]);
  set("13", "Warned", ["Email", "priya@example.com"]);
  set("14", "Observed", ["Email", "director@vexford.example"]);

  it("matches exact addresses whatever their case or brackets, and whole domains", () => {
    expect(index.match("O'Brien@Example.org")).toMatchObject({ customerId: "10", status: "Restricted", kind: "Email" });
    expect(index.match("Seán <o'brien@example.org>")).toMatchObject({ customerId: "10" });
    expect(index.match("anyone@vexford.example")).toMatchObject({ customerId: "11", kind: "Domain" });
    expect(index.match("wendy@example.org")).toMatchObject({ status: "Monitoring" });
  });

  it("flags only Monitoring and Restricted, and falls back to the domain when an exact address is not flagged", () => {
    expect(index.match("priya@example.com")).toBeNull();
    expect(index.match("director@vexford.example")).toMatchObject({ customerId: "11" });
    expect(index.match("someone@example.com")).toBeNull();
    expect(index.match("x@vexford.example.evil.test")).toBeNull();
    expect(index.match("not an address")).toBeNull();
    expect(index.match(null, "wendy@example.org")).toMatchObject({ customerId: "12" }); // the Sender, on behalf of
  });

  it("takes each customer as a whole: a new status or a dropped address, and a customer forgotten", () => {
    const v = index.version;
    set("12", "Closed", ["Email", "wendy@example.org"]);
    expect(index.version).toBe(v + 1);
    expect(index.match("wendy@example.org")).toBeNull();
    set("10", "Restricted", ["Phone", "+447700900123"]);
    expect(index.match("o'brien@example.org")).toBeNull();
    index.set("13", null);
    expect(index.known()).not.toContain("13");
    const groups = index.groups((s) => `UPC ${s}`);
    expect(groups.map((g) => g.label)).toEqual(["Restricted", "Monitoring"]);
    expect(groups[0]).toMatchObject({ category: "UPC Restricted", emails: [], domains: ["@vexford.example"] });
  });

  it("does not change its version when a customer is set to what it already was", () => {
    const v = index.version;
    expect(set("11", "Restricted", ["Domain", "@vexford.example"])).toBe(false);
    expect(index.version).toBe(v);
  });

  it("normalises cheaply", () => {
    expect(cheapNormal(" MAILTO:A@B.Example ")).toBe("a@b.example");
    expect(cheapNormal("no-at-sign")).toBeNull();
  });
});

describe("inbox rules under Exchange's 256 KB quota", () => {
  const emails = (n: number, tag = "") => Array.from({ length: n }, (_, i) => `someone.${tag}${i}@example-${i % 40}.org`);

  it("puts addresses in fromAddresses and domains in senderContains, in separate rules assigning the category", () => {
    const plan = planFlagRules([{ label: "Restricted", category: "UPC Restricted", emails: ["a@x.org"], domains: ["@y.org"] }], 200_000);
    expect(plan.rules).toHaveLength(2);
    expect(plan.rules[0]).toMatchObject({ conditions: { senderContains: ["@y.org"] }, actions: { assignCategories: ["UPC Restricted"] } });
    expect(plan.rules[1].conditions.fromAddresses?.[0].emailAddress.address).toBe("a@x.org");
    expect(plan.omitted).toBe(0);
  });

  it("splits thousands of addresses across rules and keeps the total within the budget, most serious status first", () => {
    const budget = RULES_QUOTA_BYTES - 16 * 1024;
    const plan = planFlagRules(
      [
        { label: "Restricted", category: "UPC Restricted", emails: emails(2000, "r"), domains: [] },
        { label: "Monitoring", category: "UPC Monitoring", emails: emails(2000, "m"), domains: [] },
      ],
      budget,
    );
    expect(plan.bytes).toBeLessThanOrEqual(budget);
    expect(plan.rules.length).toBeGreaterThan(3);
    const restricted = plan.rules.filter((r) => r.displayName.includes("Restricted")).flatMap((r) => r.conditions.fromAddresses ?? []);
    expect(restricted).toHaveLength(2000); // all of the Restricted fit; Monitoring gives way
    expect(plan.omitted).toBeGreaterThan(0);
    expect(plan.rules.reduce((s, r) => s + ruleBytes(r), 0)).toBe(plan.bytes);
  });

  it("changes one rule, not all, when one address is added", () => {
    const base = emails(1500);
    const a = planFlagRules([{ label: "Monitoring", category: "UPC Monitoring", emails: base, domains: [] }], 240_000);
    const b = planFlagRules([{ label: "Monitoring", category: "UPC Monitoring", emails: [...base, "new.person@example.net"], domains: [] }], 240_000);
    expect(a.rules.length).toBe(b.rules.length);
    const changed = a.rules.filter((r, i) => ruleKey(r) !== ruleKey(b.rules[i]));
    expect(changed).toHaveLength(1);
  });
});

describe("category patches", () => {
  const all = ["UPC Restricted", "UPC Monitoring"];
  it("adds the status category and keeps the owner's own, only when needed", () => {
    expect(flagCategoryRequest("0", "a@b.test", "m1", ["Blue"], all, "UPC Restricted")?.body).toEqual({ categories: ["Blue", "UPC Restricted"] });
    expect(flagCategoryRequest("0", "a@b.test", "m1", ["Blue", "UPC Restricted"], all, "UPC Restricted")).toBeNull();
    expect(flagCategoryRequest("0", "a@b.test", "m1", ["UPC Monitoring"], all, "UPC Restricted")?.body).toEqual({ categories: ["UPC Restricted"] });
    expect(flagCategoryRequest("0", "a@b.test", "m1", ["UPC Restricted", "Red"], all, null)?.body).toEqual({ categories: ["Red"] });
    expect(flagCategoryRequest("0", "a@b.test", "m1", ["Red"], all, null)).toBeNull();
  });
});

describe("notification checks", () => {
  const secret = "s".repeat(40);
  const ours = (id: string) => id === "sub-1";
  it("accepts only our clientState (constant-time) and our subscriptions", () => {
    expect(sameSecret(secret, secret)).toBe(true);
    expect(sameSecret(secret.slice(1), secret)).toBe(false);
    expect(sameSecret(undefined, secret)).toBe(false);
    const v = verifyNotifications(
      {
        value: [
          { subscriptionId: "sub-1", clientState: secret, changeType: "created" },
          { subscriptionId: "sub-1", clientState: secret, changeType: "created" },
          { subscriptionId: "sub-1", clientState: "wrong", changeType: "created" },
          { subscriptionId: "sub-2", clientState: secret, changeType: "created" },
          { subscriptionId: "sub-1", clientState: secret, lifecycleEvent: "missed" },
          { subscriptionId: "sub-1", clientState: secret, lifecycleEvent: "somethingElse" },
          null,
        ],
      },
      secret,
      ours,
    );
    expect(v).toEqual({ changes: ["sub-1"], lifecycle: [{ subscriptionId: "sub-1", event: "missed" }], forged: 2, unknown: 1 });
    expect(verifyNotifications({ nope: 1 }, secret, ours)).toBeNull();
  });
  it("stores only a fingerprint of the secret", () => {
    expect(secretFingerprint(secret)).not.toContain("sss");
    expect(secretFingerprint(secret)).toHaveLength(16);
  });
});

describe("breach wording on the contact", () => {
  it("fits SharePoint's one-line column, naming the kinds when shortened", () => {
    expect(breachText([{ kind: "NamedOfficer", message: "Contact only Kim." }])).toBe("Contact only Kim.");
    const long = breachText([
      { kind: "ContactQuota", message: "x".repeat(200) },
      { kind: "NamedOfficer", message: "y".repeat(200) },
    ]);
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long).toMatch(/ContactQuota, NamedOfficer\)$/);
  });
});

describe("configuration", () => {
  it("needs nothing against the emulator", () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ emulator: true, port: 4100, graphBaseUrl: "http://127.0.0.1:4000/v1.0", siteId: "root", mailboxes: null, scheduler: true });
    expect(c.clientState.length).toBeGreaterThanOrEqual(32);
  });
  it("lists every missing setting for a tenant, in words, and never prints secrets", () => {
    try {
      configFromEnv({ GRAPH_BASE_URL: "https://graph.microsoft.com/v1.0", SERVICE_PUBLIC_URL: "http://insecure.example" });
      throw new Error("should have refused");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).message;
      expect(text).toMatch(/SERVICE_CLIENT_STATE is required/);
      expect(text).toMatch(/SERVICE_TENANT_ID, SERVICE_CLIENT_ID and SERVICE_CLIENT_SECRET/);
      expect(text).toMatch(/SERVICE_MAILBOXES is required/);
      expect(text).toMatch(/https/);
    }
    const secret = "a-very-secret-client-state-value-123456";
    const c = configFromEnv({
      GRAPH_BASE_URL: "https://graph.microsoft.com/v1.0",
      SERVICE_PUBLIC_URL: "https://upc.example.org",
      SERVICE_CLIENT_STATE: secret,
      SERVICE_TENANT_ID: "t",
      SERVICE_CLIENT_ID: "c",
      SERVICE_CLIENT_SECRET: "shh-secret",
      SERVICE_MAILBOXES: "complaints@council.example, Staff.One@council.example",
    });
    expect(c.mailboxes).toEqual(["complaints@council.example", "staff.one@council.example"]);
    expect(c.host).toBe("0.0.0.0");
    expect(JSON.stringify(describeConfig(c))).not.toMatch(/secret-client|shh/);
  });
  it("refuses nonsense with a clear message", () => {
    expect(() => configFromEnv({ SERVICE_PORT: "eleven" })).toThrow(/SERVICE_PORT must be a number/);
    expect(() => parseConfig({ clientState: "short" })).toThrow(/at least 32 characters/);
    expect(() => parseConfig({ mailboxes: ["not-an-address"] })).toThrow(/SERVICE_MAILBOXES/);
  });
});

describe("the log", () => {
  it("masks anything that looks like an address", () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).info("x", { who: "o'brien@example.org", n: 3 });
    expect(lines[0]).toMatch(/who=\[address\] n=3$/);
  });
});
