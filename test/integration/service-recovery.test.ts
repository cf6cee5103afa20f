// Nothing is lost: the service catches up after downtime, recovers from each lifecycle event, stores every contact
// exactly once under 30% throttling, and two instances at once still log each mail once.
import { contactsSince } from "../../graph/repos/contacts";
import { readMailboxRows } from "../../graph/repos/service-state";
import { lookupSender } from "../../graph/lookup/sender";
import { listInboxRules } from "../../graph/mail";
import { startProduct, type Product } from "../support/product";
import { categoriesOf, contactOf, settle, startFlagging, startRelay, type Relay, type Started } from "./service-support";

const SAM = "sam.officer@upc.test";
const KIM = "kim.officer@upc.test";
const OFFICERS = [SAM, KIM, "mo.manager@upc.test", "complaints@upc.test", "dee.decider@upc.test"];
const FLAGGED = [
  { name: "Wendy Marsh", address: "wendy.marsh@example.org" },
  { name: "Mary-Jane D'Arcy", address: "mj.darcy@example.org" },
  { name: "Seán O'Brien", address: "o'brien@example.org" },
  { name: "Vexford", address: "licensing@vexford.example" },
  { name: "Gordon McBride", address: "gordon.mcbride@example.scot" },
];
const UNFLAGGED = { name: "Alice Turner", address: "alice.turner@example.com" };
const MAILBOXES = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "complaints@upc.test", "dee.decider@upc.test", "customer.relations@upc.test"];

const uid = () => Math.random().toString(36).slice(2, 10);

describe("after downtime and lifecycle events", () => {
  let p: Product;
  let s: Started | null = null;
  let relay: Relay;
  beforeAll(async () => {
    p = await startProduct({ seed: true });
    relay = await startRelay([]);
  });
  afterAll(async () => {
    await s?.close();
    await relay?.close();
    await p?.close();
  });

  async function start(): Promise<Started> {
    const started = await startFlagging(p, { mailboxes: MAILBOXES, publicUrl: relay.url });
    relay.targets.splice(0, relay.targets.length, started.url);
    return started;
  }

  it("catches up every mail delivered while it was stopped: 100 mails, each categorised and logged", async () => {
    s = await start();
    await settle(p, [s]);
    await s.close();
    s = null;
    // While it is down an administrator clears Sam's rules: that mail arrives uncoloured, and the service colours it.
    for (const r of await listInboxRules(p.app, SAM)) await p.app.delete(`/users/${SAM}/mailFolders/inbox/messageRules/${r.id}`);
    const sent: { id: string; to: string[]; subject: string }[] = [];
    for (let i = 0; i < 100; i++) {
      const to = i % 10 === 0 ? [OFFICERS[i % 5], OFFICERS[(i + 1) % 5]] : [OFFICERS[i % 5]];
      const id = `<down-${i}-${uid()}@mail.example>`;
      const subject = `while down ${i}`;
      await p.emu.mail.deliver({ to, from: FLAGGED[i % FLAGGED.length], subject, internetMessageId: id, categories: i % 7 === 0 ? ["Blue category"] : undefined });
      sent.push({ id, to, subject });
    }
    s = await start();
    await settle(p, [s]);
    for (const m of sent) {
      const c = await contactOf(p, m.id);
      expect(c, m.subject).not.toBeNull();
      expect(c!.recipients.sort()).toEqual([...m.to].sort());
      for (const upn of m.to) expect(categoriesOf(p, upn, m.subject)[0]).toEqual(expect.arrayContaining([expect.stringMatching(/^UPC (Monitoring|Restricted)$/)]));
    }
    // The reading position and subscriptions are in the register, for the next start or another instance.
    const rows = await readMailboxRows(p.admin);
    expect([...rows.values()].filter((r) => MAILBOXES.includes(r.mailbox)).every((r) => r.deltaLink && r.subscriptionId)).toBe(true);
  });

  it("recovers from `missed`: notifications that never arrived are read from the delta link", async () => {
    relay.dropChanges = true;
    const id = `<missed-${uid()}@mail.example>`;
    await p.emu.mail.deliver({ to: [SAM], from: FLAGGED[0], subject: "missed one", internetMessageId: id });
    await settle(p, [s!]);
    expect(await contactOf(p, id)).toBeNull(); // the notification was lost
    relay.dropChanges = false;
    const sub = s!.service.watched().find((w) => w.upn === SAM)!.subscriptionId!;
    await p.emu.mail.fireLifecycle(sub, "missed");
    await settle(p, [s!]);
    expect(await contactOf(p, id)).not.toBeNull();
  });

  it("recovers from `reauthorizationRequired`: reauthorises, and reads what was not notified meanwhile", async () => {
    const sub = s!.service.watched().find((w) => w.upn === KIM)!.subscriptionId!;
    p.emu.mail.pauseNotifications();
    await p.emu.mail.fireLifecycle(sub, "reauthorizationRequired", { graceMs: 0 });
    const lost = `<reauth-lost-${uid()}@mail.example>`;
    await p.emu.mail.deliver({ to: [KIM], from: FLAGGED[1], subject: "during reauth", internetMessageId: lost });
    p.emu.mail.resumeNotifications();
    await settle(p, [s!]);
    expect(await contactOf(p, lost)).not.toBeNull();
    expect(p.emu.mail.subscriptions().find((x) => x.id === sub)?.reauthorizationRequiredAt).toBeFalsy();
    const after = `<reauth-after-${uid()}@mail.example>`;
    const rounds = s!.service.stats.notifications;
    await p.emu.mail.deliver({ to: [KIM], from: FLAGGED[1], subject: "after reauth", internetMessageId: after });
    await settle(p, [s!]);
    expect(s!.service.stats.notifications).toBeGreaterThan(rounds); // notified again
    expect(await contactOf(p, after)).not.toBeNull();
  });

  it("recovers from `subscriptionRemoved`: a new subscription, recorded in the register", async () => {
    const old = s!.service.watched().find((w) => w.upn === SAM)!.subscriptionId!;
    await p.emu.mail.fireLifecycle(old, "subscriptionRemoved");
    await settle(p, [s!]);
    const now = s!.service.watched().find((w) => w.upn === SAM)!.subscriptionId!;
    expect(now).not.toBe(old);
    expect(p.emu.mail.subscriptions().some((x) => x.id === now)).toBe(true);
    await s!.service.flush();
    expect((await readMailboxRows(p.admin)).get(SAM)?.subscriptionId).toBe(now);
    const id = `<removed-${uid()}@mail.example>`;
    await p.emu.mail.deliver({ to: [SAM], from: FLAGGED[0], subject: "after removal", internetMessageId: id });
    await settle(p, [s!]);
    expect(await contactOf(p, id)).not.toBeNull();
  });

  it("re-creates a subscription that expired without notice, at the next upkeep", async () => {
    const old = s!.service.watched().find((w) => w.upn === KIM)!.subscriptionId!;
    p.emu.mail.expireSubscription(old);
    await s!.service.ensureSubscriptions();
    const now = s!.service.watched().find((w) => w.upn === KIM)!.subscriptionId!;
    expect(now).not.toBe(old);
    expect(p.emu.mail.subscriptions().some((x) => x.id === now)).toBe(true);
  });
});

describe("under 30% throttling and with two instances", () => {
  let p: Product;
  beforeAll(async () => {
    p = await startProduct({ seed: true, retryAfterSeconds: 0.01 });
  });
  afterAll(() => p?.close());

  async function customerIds(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const f of FLAGGED) out.set(f.address, (await lookupSender(p.admin, { from: f.address })).matches[0].customerId);
    return out;
  }

  it("stores every contact exactly once, none lost, under EMULATOR_CHAOS=0.3", async () => {
    const s = await startFlagging(p, { mailboxes: MAILBOXES });
    try {
      await settle(p, [s]);
      const since = new Date(Date.now() - 1000);
      const ids = await customerIds();
      p.emu.setChaos(0.3);
      const sent: { id: string; to: string[]; from: string }[] = [];
      for (let i = 0; i < 60; i++) {
        const to = i % 4 === 0 ? [OFFICERS[i % 5], OFFICERS[(i + 2) % 5]] : [OFFICERS[i % 5]];
        const from = FLAGGED[i % FLAGGED.length];
        const id = `<chaos-${i}-${uid()}@mail.example>`;
        p.emu.mail.deliverNow({ to, from, subject: `chaos ${i}`, internetMessageId: id });
        p.emu.mail.deliverNow({ to: [OFFICERS[i % 5]], from: UNFLAGGED, subject: `chaos plain ${i}` });
        sent.push({ id, to, from: from.address });
        if (i % 10 === 9) await new Promise((r) => setTimeout(r, 20));
      }
      await settle(p, [s], 120_000);
      p.emu.setChaos(0);
      // One notice per breach, none twice: each breach owes one, and the outbox sends each once.
      await s.runtime.cases.outbox.sweep();
      expect(s.runtime.cases.outbox.stats.sent).toBe(s.service.stats.breaches);
      for (const [address, customerId] of ids) {
        const stored = (await contactsSince(p.admin, customerId, since)).filter((c) => c.messageId?.startsWith("<chaos-"));
        const expected = sent.filter((m) => m.from === address);
        expect(stored.map((c) => c.messageId).sort()).toEqual(expected.map((m) => m.id).sort());
        for (const c of stored) expect(c.recipients.sort()).toEqual([...expected.find((m) => m.id === c.messageId)!.to].sort());
      }
    } finally {
      p.emu.setChaos(0);
      await s.close();
    }
  }, 120_000);

  it("logs each mail once when two instances share the work", async () => {
    const relay = await startRelay([]);
    const a = await startFlagging(p, { mailboxes: MAILBOXES, publicUrl: relay.url, instanceId: "a" });
    const b = await startFlagging(p, { mailboxes: MAILBOXES, publicUrl: relay.url, instanceId: "b" });
    relay.targets.push(a.url, b.url);
    try {
      await settle(p, [a, b]);
      // One subscription per mailbox, whoever made it.
      const subs = p.emu.mail.subscriptions().filter((x) => String(x.notificationUrl).startsWith(relay.url));
      expect(subs.length).toBe(MAILBOXES.length);
      const since = new Date(Date.now() - 1000);
      const ids = await customerIds();
      const sent: { id: string; to: string[]; from: string }[] = [];
      for (let i = 0; i < 40; i++) {
        const to = i % 3 === 0 ? [OFFICERS[i % 5], OFFICERS[(i + 1) % 5], OFFICERS[(i + 3) % 5]] : [OFFICERS[i % 5]];
        const from = FLAGGED[i % FLAGGED.length];
        const id = `<pair-${i}-${uid()}@mail.example>`;
        p.emu.mail.deliverNow({ to, from, subject: `pair ${i}`, internetMessageId: id });
        sent.push({ id, to, from: from.address });
        if (i % 5 === 4) await new Promise((r) => setTimeout(r, 30));
      }
      await settle(p, [a, b]);
      let total = 0;
      for (const [address, customerId] of ids) {
        const stored = (await contactsSince(p.admin, customerId, since)).filter((c) => c.messageId?.startsWith("<pair-"));
        const expected = sent.filter((m) => m.from === address);
        expect(stored.map((c) => c.messageId).sort()).toEqual(expected.map((m) => m.id).sort());
        for (const c of stored) expect(c.recipients.sort()).toEqual([...expected.find((m) => m.id === c.messageId)!.to].sort());
        total += stored.length;
      }
      expect(total).toBe(40);
      // Both did work, and between them each contact was created once.
      expect(a.service.stats.notifications).toBeGreaterThan(0);
      expect(b.service.stats.notifications).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
      await relay.close();
    }
  }, 60_000);
});
