// Flagging-service figures, end to end through the emulator: mails processed a second, and Graph requests per mail
// from an unflagged sender and from a flagged one (a $batch counts as one; the service's own upkeep is included).
import { provisionDevSite } from "../../graph/provision/dev-site";
import { startEmulator } from "../../emulator";
import { createGraph } from "../../graph/client/factory";
import { devAppTokens, devUserTokens } from "../../graph/auth/dev-token";
import { startService, type RunningService } from "../../service/server";
import { emulatorDelivery } from "../demo/deliver";
import { seedDemo } from "../demo/seed";
import { check, figure } from "./report";

type Emu = Awaited<ReturnType<typeof startEmulator>>;

const MAILBOXES = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "complaints@upc.test", "customer.relations@upc.test"];
const FLAGGED = [
  { name: "Wendy Marsh", address: "wendy.marsh@example.org" },
  { name: "Mary-Jane D'Arcy", address: "mj.darcy@example.org" },
  { name: "Gordon McBride", address: "gordon.mcbride@example.scot" },
  { name: "Kerry Walsh", address: "kerry.walsh@example.org" },
  { name: "Seán O'Brien", address: "o'brien@example.org" },
  { name: "Vexford Holdings", address: "licensing@vexford.example" },
  { name: "Frank Doyle", address: "frank.doyle@example.org" },
];

async function settle(emu: Emu, s: RunningService): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    const before = s.service.stats.rounds;
    await emu.mail.notificationsIdle();
    await s.service.idle(120_000);
    await new Promise((r) => setTimeout(r, 20));
    const n = emu.mail.notificationStats();
    quiet = before === s.service.stats.rounds && n.pending === 0 && n.inFlight === 0 ? quiet + 1 : 0;
  }
}

/** Delivers mail as it arrives: in bursts of 50, letting notifications flow between bursts. */
async function deliver(emu: Emu, count: number, pick: (i: number) => { from: { name: string; address: string }; to: string[] }, tag: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const { from, to } = pick(i);
    emu.mail.deliverNow({ to, from, subject: `${tag} ${i}`, internetMessageId: `<${tag}-${i}-${Date.now()}@bench.example>` });
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
}

export async function benchService(): Promise<void> {
  // DESIGN.md's service figures are the service's own speed on this machine, so the tenant's budgets are off here;
  // the tenant section measures the same service under them.
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true, retryAfterSeconds: 0.05, throttle: false });
  const admin = createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") });
  await provisionDevSite(admin);
  await seedDemo(createGraph({ baseUrl: emu.url, tokens: devAppTokens() }), emulatorDelivery(emu));
  const s = await startService({ graphBaseUrl: emu.url, port: 0, mailboxes: MAILBOXES, scheduler: false, log: () => undefined });
  try {
    await settle(emu, s);
    const unflagged = (i: number) => ({ from: { name: `Resident ${i}`, address: `resident.${i}@town-${i % 97}.example` }, to: [MAILBOXES[i % MAILBOXES.length]] });

    // Unflagged mail: the index answers in memory; the only requests are the shared delta reads and upkeep.
    const U = 4000;
    emu.resetStats();
    let t0 = performance.now();
    await deliver(emu, U, unflagged, "plain");
    await settle(emu, s);
    let secs = (performance.now() - t0) / 1000;
    const perUnflagged = emu.stats().requests / U;
    figure("service unflagged mails processed", U / secs, "mails/s");
    figure("service requests per 1000 unflagged mails", perUnflagged * 1000, "requests");

    // Flagged mail: categorised (rules usually did it at delivery), logged once, checked, SPOC told of breaches.
    const F = 1000;
    const logged = s.service.stats.logged;
    const notices = s.runtime.cases.outbox.stats.sent;
    emu.resetStats();
    t0 = performance.now();
    await deliver(emu, F, (i) => ({ from: FLAGGED[i % FLAGGED.length], to: [MAILBOXES[i % MAILBOXES.length]] }), "flagged");
    await settle(emu, s);
    secs = (performance.now() - t0) / 1000;
    const perFlagged = emu.stats().requests / F;
    figure("service flagged mails processed", F / secs, "mails/s");
    figure("service requests per flagged mail", Number(perFlagged.toFixed(3)), "requests");
    await s.runtime.cases.outbox.sweep();
    figure("service breach notices sent (one per breaching mail)", s.runtime.cases.outbox.stats.sent - notices, "mails");

    // A working day's mix: 1 in 20 from a flagged customer, some to several mailboxes at once.
    const M = 6000;
    emu.resetStats();
    t0 = performance.now();
    await deliver(
      emu,
      M,
      (i) => (i % 20 === 0 ? { from: FLAGGED[(i / 20) % FLAGGED.length], to: i % 60 === 0 ? MAILBOXES.slice(0, 3) : [MAILBOXES[i % MAILBOXES.length]] } : unflagged(i)),
      "mixed",
    );
    await settle(emu, s);
    secs = (performance.now() - t0) / 1000;
    const mixedRate = M / secs;
    figure("service mails processed end to end (5% flagged)", mixedRate, "mails/s");
    figure("service requests per 1000 mails (5% flagged)", (emu.stats().requests / M) * 1000, "requests");
    // A lone mail, nothing batched with it and its customer's card not cached: the worst case, not the average.
    const lone = async (from: { name: string; address: string }, tag: string) => {
      await settle(emu, s);
      emu.resetStats();
      await deliver(emu, 1, () => ({ from, to: [MAILBOXES[0]] }), tag);
      await settle(emu, s);
      const st = emu.stats();
      // Less the register poll that may fall in the window (one $batch of two list deltas).
      return st.requests - Math.floor((st.byRoute["GET /sites/{site}/lists/{list}/items/delta"] ?? 0) / 2);
    };
    figure("service requests for a lone flagged mail (monitoring)", await lone({ name: "Owen Price", address: "owen.price@example.cymru" }, "lone-monitoring"), "requests");
    figure("service requests for a lone flagged mail (breach, SPOC told)", await lone({ name: "Colin Prendergast", address: "colin.p@example.org" }, "lone-breach"), "requests");
    const expectedContacts = F + Math.ceil(M / 20) + 2;
    check("service logged every flagged mail once", s.service.stats.logged - logged === expectedContacts, `${s.service.stats.logged - logged} contacts for ${expectedContacts} mails`);
    check("service ≥ 300 mails/s", mixedRate >= 300, `${mixedRate.toFixed(0)} mails/s`);
    check("service ≤ 0.05 requests per unflagged mail", perUnflagged <= 0.05, `${perUnflagged.toFixed(4)}`);
    check("service ≤ 3 requests per flagged mail", perFlagged <= 3, `${perFlagged.toFixed(2)}`);
  } finally {
    await s.close();
    await emu.close();
  }
}
