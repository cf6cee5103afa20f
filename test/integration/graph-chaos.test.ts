// No data lost: with 30% of requests throttled (429) or failing (503), every contact logged is stored exactly once.
import { createCustomer } from "../../graph/repos/customers";
import { logContact, contactsSince } from "../../graph/repos/contacts";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct({ retryAfterSeconds: 0.01 });
});
afterAll(() => p.close());

it("stores 200 contacts from 4 concurrent writers exactly once each under EMULATOR_CHAOS=0.3", async () => {
  const c = await createCustomer(p.admin, { kind: "Individual", name: "Chaos Customer", status: "Monitoring", policyId: "council-ccm-2014", serviceAreas: "", allowedChannels: [], staffGuidance: "", adjustments: "" });
  const since = new Date(Date.now() - 1000);
  p.emu.setChaos(0.3);
  const writers = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "dee.decider@upc.test"];
  const N = 200;
  // Each mail reached two officers, so two writers log it: the log must still hold it once.
  await Promise.all(
    writers.map(async (upn, w) => {
      const site = p.siteAs(upn);
      for (let i = 0; i < N; i++) {
        if (i % 4 !== w && (i + 1) % 4 !== w) continue;
        await logContact(site, { title: `mail ${i}`, customerId: c.id!, contactAt: new Date().toISOString(), channel: "Email", direction: "In", staffUpn: upn, serviceArea: "", matterRef: "", behaviours: [], messageId: `<chaos-${i}@mail.example>`, recipients: [upn], source: "Flagger", breach: "", screening: "NotScreened", note: "" });
      }
    }),
  );
  p.emu.setChaos(0);
  const stored = await contactsSince(p.admin, c.id!, since);
  expect(stored).toHaveLength(N);
  expect(new Set(stored.map((s) => s.messageId)).size).toBe(N);
  // Officers add, never edit: the first to log it is recorded (the flagging service adds the rest as the app).
  expect(stored.every((s) => s.recipients.length === 1)).toBe(true);
}, 120_000);
