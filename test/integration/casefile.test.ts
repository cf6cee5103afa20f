// The workflow against the register: each step by the person the policy names, saved to the lists and read back.
import { runSteps, loadCaseFile } from "../../graph/casefile";
import { createCustomer } from "../../graph/repos/customers";
import { addIdentity } from "../../graph/repos/identities";
import { lookupSender } from "../../graph/lookup/sender";
import { reviewsDue } from "../../graph/repos/reviews";
import { getPreset } from "../../shared/presets/registry";
import { dee, mo, rory, sam } from "../support/actors";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct();
});
afterAll(() => p.close());

const cumbria = getPreset("cumbria-fire-2023")!;
const checks = Object.fromEntries(cumbria.preChecks.items.map((c) => [c.id, true]));

it("walks the Cumbria path through the lists: warning, referral, decision, letters, appeal by an independent reviewer", async () => {
  const c = await createCustomer(p.siteAs(sam.upn), { name: "Pat O'Neill", kind: "Individual", status: "Observed", policyId: cumbria.id, serviceAreas: "Prevention", allowedChannels: [], staffGuidance: "", adjustments: "" });
  await addIdentity(p.siteAs(sam.upn), c, "Email", "pat.oneill@example.org");
  const id = c.id!;

  expect((await runSteps(p.siteAs(mo.upn), id, mo, [{ type: "Warn", level: "Formal", note: "Written warning about call volume." }])).ok).toBe(true);
  const referred = await runSteps(p.siteAs(sam.upn), id, sam, [{ type: "Refer", behaviours: ["high-volume"], serviceArea: "Prevention", summary: "Twenty calls a week to four officers." }]);
  expect(referred.ok).toBe(true);
  expect((await lookupSender(p.siteAs(sam.upn), { from: "pat.oneill@example.org" })).matches[0].customerStatus).toBe("Referred");

  // A staff member cannot decide: the workflow refuses, and nothing is written.
  const refused = await runSteps(p.siteAs(sam.upn), id, sam, [{ type: "Decide", outcome: "Restrict", reasons: "x".repeat(5) }]);
  expect(refused.ok).toBe(false);

  const decided = await runSteps(p.siteAs(dee.upn), id, dee, [
    { type: "Decide", outcome: "Restrict", reasons: "Volume continues after a written warning.", preChecks: checks, vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] },
    { type: "LetterSent", kind: "Restriction", elements: ["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"] },
    { type: "LetterSent", kind: "StaffNotice", elements: ["what"] },
  ], { letters: { Restriction: { title: "Your contact with us", body: "Dear Pat O'Neill, …", channel: "Letter" } } });
  expect(decided.ok).toBe(true);

  const appeal = await runSteps(p.siteAs(sam.upn), id, sam, [{ type: "AppealLodged", receivedAt: new Date().toISOString(), inWriting: true, grounds: "Letters are hard for me." }]);
  expect(appeal.ok).toBe(true);
  expect((await reviewsDue(p.siteAs(rory.upn), new Date(Date.now() + 30 * 86_400_000))).some((r) => r.kind === "Appeal" && r.customerId === id)).toBe(true);

  const byDecider = await runSteps(p.siteAs(dee.upn), id, { ...dee, roles: [...dee.roles, "Reviewer"] }, [{ type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }]);
  expect(byDecider).toMatchObject({ ok: false, reason: expect.stringMatching(/took part in the decision under appeal/) });

  const heard = await runSteps(p.siteAs(rory.upn), id, rory, [{ type: "AppealDecided", outcome: "Varied", reasons: "E-mail allowed as well, for accessibility.", restrictions: [{ params: { kind: "NamedOfficer", target: { kind: "Inbox", address: "customer.relations@upc.test", name: "Customer Relations team" } } }] }]);
  expect(heard.ok).toBe(true);

  const reloaded = await loadCaseFile(p.admin, id);
  expect(reloaded.file.status).toBe("Restricted");
  expect(reloaded.file.decisions.map((d) => [d.outcome, d.by])).toEqual([["Restrict", "dee.decider@upc.test"]]);
  expect(reloaded.restrictions.map((r) => [r.kind, r.state])).toEqual([["SingleChannel", "Lifted"], ["NamedOfficer", "Active"]]);
  expect(reloaded.reviews.find((r) => r.kind === "Appeal")).toMatchObject({ outcome: "Varied", reviewer: "rory.reviewer@upc.test" });
  expect(reloaded.letters.map((l) => l.kind).sort()).toEqual(["Restriction", "StaffNotice", "Warning"]);
  expect(reloaded.file.lettersOwed).toEqual(["AppealOutcome"].filter((k) => cumbria.letters.some((l) => l.kind === k && l.required)));
});

it("two people deciding the same referral at once: one wins, the other is told to reload", async () => {
  const c = await createCustomer(p.admin, { name: "Race Case", kind: "Individual", status: "Observed", policyId: "southampton-2018", serviceAreas: "", allowedChannels: [], staffGuidance: "", adjustments: "" });
  const soton = getPreset("southampton-2018")!;
  await runSteps(p.siteAs(mo.upn), c.id!, mo, [
    { type: "LocalResolutionStep", step: "spoc", note: "SPOC named in writing.", confirmedInWriting: true },
    { type: "Refer", behaviours: [soton.behaviours.items[0].id], serviceArea: "Housing", summary: "Scattergun e-mails." },
  ]);
  const decide = (who: typeof dee) =>
    runSteps(p.siteAs(who.upn), c.id!, who, [{ type: "Decide", outcome: "Declined", reasons: "Genuine, separate issues." }]).catch((e) => e);
  const results = await Promise.all([decide(dee), decide({ ...dee, upn: "dan.decider@upc.test" })]);
  const wins = results.filter((r) => r && r.ok === true);
  // The loser either lost the ETag race (Conflict: reload) or, if it read after the winner saved, was refused.
  const losers = results.filter((r) => r?.kind === "Conflict" || r?.ok === false);
  expect(wins).toHaveLength(1);
  expect(losers).toHaveLength(1);
  expect((await loadCaseFile(p.admin, c.id!)).file.decisions).toHaveLength(1);
});
