// The flagging service against the emulator that behaves as Graph does on its own: reauthorizationRequired sent with
// nobody asking, delta links that age out, owners' disabled rules, and Outlook's four requests per mailbox.
import { listInboxRules } from "../../graph/mail";
import { startProduct, type Product } from "../support/product";
import { categoriesOf, contactOf, settle, startFlagging, type Started } from "./service-support";

const SAM = "sam.officer@upc.test";
const KIM = "kim.officer@upc.test";
const OBRIEN = { name: "Seán O'Brien", address: "o'brien@example.org" };
const WENDY = { name: "Wendy Marsh", address: "wendy.marsh@example.org" };

let p: Product;
let s: Started;

beforeAll(async () => {
  // Exchange takes 20 ms a request here, so requests to one mailbox really do overlap.
  p = await startProduct({ seed: true, throttle: { licences: 5000, timeScale: 60, mailboxServiceMs: 20 } });
  // An owner's own rule, disabled, nearly as big as the whole quota: only enabled rules count against it.
  const big = Array.from({ length: 3200 }, (_, i) => ({ emailAddress: { name: `old.${i}@example.org`, address: `old.${i}@example.org` } }));
  await p.app.post(`/users/${KIM}/mailFolders/inbox/messageRules`, { displayName: "Old filing (off)", sequence: 1, isEnabled: false, conditions: { fromAddresses: big }, actions: { markAsRead: true } });
  s = await startFlagging(p);
  await settle(p, [s]);
}, 120_000);
afterAll(async () => {
  await s?.close();
  await p?.close();
});

// learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/outlook-on-the-web/increase-the-space-used-by-inbox-rules:
// only enabled rules count against the 256 KB quota.
it("keeps its rules in a mailbox whose owner has a large disabled rule", async () => {
  const rules = await listInboxRules(p.app, KIM);
  const addresses = rules.filter((r) => r.displayName.startsWith("UPC flag:")).flatMap((r) => r.conditions?.fromAddresses?.map((a) => a.emailAddress.address) ?? []);
  expect(addresses).toContain("o'brien@example.org");
  expect(rules.some((r) => r.displayName === "Old filing (off)")).toBe(true);
});

// learn.microsoft.com/graph/throttling-limits#outlook-service-limits: a burst of flagged mail to one mailbox is
// categorised and logged without its requests ever being five at once.
it("handles a burst of flagged mail to one mailbox within Outlook's four requests at a time", async () => {
  p.emu.resetStats();
  for (let i = 0; i < 60; i++) p.emu.mail.deliverNow({ to: [SAM], from: i % 2 ? OBRIEN : WENDY, subject: `Burst ${i}`, internetMessageId: `<burst-${i}@example.org>`, categories: ["Red category"] });
  await settle(p, [s]);
  expect(p.emu.stats().throttle?.throttled.mailboxConcurrency).toBe(0);
  for (let i = 0; i < 60; i += 13) {
    expect((await contactOf(p, `<burst-${i}@example.org>`))?.source).toBe("Flagger");
    expect(categoriesOf(p, SAM, `Burst ${i}`)[0]).toContain(i % 2 ? "UPC Restricted" : "UPC Monitoring");
  }
});

// learn.microsoft.com/graph/delta-query-overview: a delta link whose sync state is gone answers 410 SyncStateNotFound;
// the service starts a new round from just before the newest mail it had seen, and nothing is lost.
it("reads on from a new delta round when its stored delta link has aged out", async () => {
  p.emu.mail.configureNotifications({ deltaTokenMaxAgeMs: 0 });
  try {
    await new Promise((r) => setTimeout(r, 10));
    p.emu.mail.deliverNow({ to: [SAM], from: OBRIEN, subject: "After the link aged", internetMessageId: "<aged-link@example.org>" });
    await settle(p, [s]);
    expect((await contactOf(p, "<aged-link@example.org>"))?.source).toBe("Flagger");
    expect(s.logs.some((l) => l.includes("delta.restarted"))).toBe(true);
  } finally {
    p.emu.mail.configureNotifications({ deltaTokenMaxAgeMs: 7 * 86_400_000 });
  }
});

// learn.microsoft.com/graph/change-notifications-lifecycle-events: Graph sends reauthorizationRequired on its own
// "when the access token is about to expire"; the service reauthorises and keeps receiving notifications.
it("reauthorises when Graph asks on its own, and keeps logging", async () => {
  const before = s.service.stats.reauthorized;
  p.emu.mail.configureNotifications({ reauthorizationIntervalMs: 200 });
  try {
    const until = Date.now() + 10_000;
    while (s.service.stats.reauthorized <= before && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(s.service.stats.reauthorized).toBeGreaterThan(before);
  } finally {
    p.emu.mail.configureNotifications({ reauthorizationIntervalMs: 3_600_000 });
  }
  p.emu.mail.deliverNow({ to: [KIM], from: WENDY, subject: "After reauthorising", internetMessageId: "<after-reauth@example.org>" });
  await settle(p, [s]);
  expect((await contactOf(p, "<after-reauth@example.org>"))?.source).toBe("Flagger");
});
