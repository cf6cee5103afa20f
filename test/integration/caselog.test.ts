// The register's log against the lists: each step judged, appended and projected; a reload replays the same record.
import { loadLog, loadRegister, openCustomer, projectCustomer, takeStep } from "../../graph/caselog";
import { lookupSender } from "../../graph/lookup/sender";
import { reviewsDue } from "../../graph/repos/reviews";
import { getPreset } from "../../shared/presets/registry";
import { replayLog, type StepEvent } from "../../shared/register";
import type { Actor } from "../../shared/workflow";
import { dee, mo, rory, sam } from "../support/actors";
import { startProduct, type Product } from "../support/product";
import { londonDateKey } from "../../shared/time/calendar";

let p: Product;
beforeAll(async () => {
  p = await startProduct();
});
afterAll(() => p.close());

const cumbria = getPreset("cumbria-fire-2023")!;
const checks = Object.fromEntries(cumbria.preChecks.items.map((c) => [c.id, true]));
let keys = 0;
const step = (id: string, actor: Actor, event: StepEvent) => takeStep({ graph: p.app, siteId: "root" }, id, { event, actor, idempotencyKey: `k-${++keys}` });

it("walks the Cumbria path through the log: warning, referral, decision, letters, appeal by an independent reviewer", async () => {
  const site = { graph: p.app, siteId: "root" };
  const opened = await openCustomer(site, {
    event: { type: "Opened", customer: { name: "Pat O'Neill", kind: "Individual", policyId: cumbria.id, serviceAreas: "Prevention", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [{ kind: "Email", value: "pat.oneill@example.org" }] },
    actor: sam,
    idempotencyKey: "open-pat",
  });
  if (!opened.ok) throw new Error(opened.reason);
  const id = opened.customerId;
  expect(opened.record.customer.caseRef).toMatch(/^UPC-\d{4}$/);

  expect((await step(id, mo, { type: "Warn", level: "Formal", note: "Written warning about call volume." })).ok).toBe(true);
  expect((await step(id, sam, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Prevention", summary: "Twenty calls a week to four officers." })).ok).toBe(true);
  expect((await lookupSender(p.siteAs(sam.upn), { from: "pat.oneill@example.org" })).matches[0].customerStatus).toBe("Referred");

  // A member of staff cannot decide: refused for who they are (403), and nothing is appended.
  expect(await step(id, sam, { type: "Decide", outcome: "Restrict", reasons: "x".repeat(5) })).toMatchObject({ ok: false, status: 403 });

  const decided = await step(id, dee, { type: "Decide", outcome: "Restrict", reasons: "Volume continues after a written warning.", preChecks: checks, vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] });
  expect(decided).toMatchObject({ ok: true, seq: 4 });
  const today = londonDateKey(new Date());
  // A letter recorded now says how it went: nothing is recorded as sent that nobody sent.
  expect(await step(id, dee, { type: "LetterSent", kind: "Warning", elements: [] })).toMatchObject({ ok: false, status: 422, reason: expect.stringMatching(/^Say how the letter went/) });
  expect(await step(id, dee, { type: "LetterSent", kind: "Warning", elements: [], content: { title: "Warning", body: "…", channel: "Email" } })).toMatchObject({ ok: false, status: 422, reason: "Give the address the letter is to be e-mailed to." });
  expect(await step(id, dee, { type: "LetterSent", kind: "Warning", elements: [], content: { title: "Warning", body: "…", channel: "Email", to: ["pat at example"] } })).toMatchObject({ ok: false, status: 422, reason: expect.stringMatching(/is not an e-mail address/) });
  expect(await step(id, dee, { type: "LetterSent", kind: "Warning", elements: [], content: { title: "Warning", body: "…", channel: "Letter" } })).toMatchObject({ ok: false, status: 422, reason: expect.stringMatching(/^Give the day the letter was posted/) });
  expect((await step(id, dee, { type: "LetterSent", kind: "Warning", elements: [], content: { title: "Warning", body: "…", channel: "Letter", postedOn: today } })).ok).toBe(true);
  expect((await step(id, dee, { type: "LetterSent", kind: "Restriction", elements: ["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"], content: { title: "Your contact with us", body: "Dear Pat O'Neill, …", channel: "Letter", postedOn: today } })).ok).toBe(true);
  const notice = await step(id, dee, { type: "LetterSent", kind: "StaffNotice", elements: ["what"], content: { title: "Staff notice", body: "Letters only.", channel: "Email", to: ["kim.officer@upc.test"] } });
  expect(notice.ok).toBe(true);

  expect((await step(id, sam, { type: "AppealLodged", receivedAt: new Date().toISOString(), inWriting: true, grounds: "Letters are hard for me." })).ok).toBe(true);
  expect((await reviewsDue(p.siteAs(rory.upn), new Date(Date.now() + 30 * 86_400_000))).some((r) => r.kind === "Appeal" && r.customerId === id)).toBe(true);
  expect(await step(id, { ...dee, roles: [...dee.roles, "Reviewer"] }, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." })).toMatchObject({ ok: false, status: 422, reason: expect.stringMatching(/took part in the decision under appeal/) });
  const heard = await step(id, rory, { type: "AppealDecided", outcome: "Varied", reasons: "E-mail allowed as well, for accessibility.", restrictions: [{ params: { kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } } }] });
  if (!heard.ok) throw new Error(heard.reason);

  // The reload is the replay of the log: exactly the record the last step answered with.
  const log = await loadLog(site, id);
  expect(replayLog(log.events, getPreset).record).toEqual(heard.record);
  expect(heard.record.file.warnings).toHaveLength(1);
  expect(heard.record.file.warnings[0].by).toBe(mo.upn);

  // The rows say exactly what the log says: projecting again writes nothing.
  const again = await projectCustomer(site, id);
  expect(again).toMatchObject({ changes: [], drift: false, seq: heard.seq });
  const rows = (await loadRegister(site, id)).rows;
  // The formal warning itself and the warning letter that followed it are two rows; the appeal outcome letter is owed, not sent.
  expect(rows.letters.map((l) => l.fields.Kind).sort()).toEqual(["Restriction", "StaffNotice", "Warning", "Warning"]);
  expect(rows.restrictions.map((r) => r.fields.State)).toEqual(["Lifted", "Active"]);
});

it("stores a step sent twice once, and answers the second exactly as the first", async () => {
  const site = { graph: p.app, siteId: "root" };
  const opened = await openCustomer(site, { event: { type: "Opened", customer: { name: "Sam Twice", kind: "Individual", policyId: cumbria.id, serviceAreas: "", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [] }, actor: sam, idempotencyKey: "open-twice" });
  const reopened = await openCustomer(site, { event: { type: "Opened", customer: { name: "Sam Twice", kind: "Individual", policyId: cumbria.id, serviceAreas: "", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [] }, actor: sam, idempotencyKey: "open-twice" });
  expect(reopened).toMatchObject({ ok: true, repeated: true, customerId: opened.ok ? opened.customerId : "" });
  const id = opened.ok ? opened.customerId : "";
  const event: StepEvent = { type: "Refer", behaviours: ["high-volume"], serviceArea: "Prevention", summary: "Calls." };
  const a = await takeStep(site, id, { event, actor: sam, idempotencyKey: "refer-once" });
  const b = await takeStep(site, id, { event, actor: sam, idempotencyKey: "refer-once" });
  expect(b).toMatchObject({ ok: true, repeated: true, seq: 2 });
  expect(a.ok && b.ok && b.record).toEqual(a.ok && a.record);
  expect((await loadLog(site, id)).events.map((e) => e.seq)).toEqual([1, 2]);
});

it("refers with “Other (describe)” under a policy whose list is examples (001_de0aff75e8e4f05c.txt, 2.2 The Process), keeps the words in UpcCases.OtherBehaviour, and refuses it under a closed list (000_15ef6c37defcaa2d.txt, Definitions)", async () => {
  const site = { graph: p.app, siteId: "root" };
  const open = async (name: string, policyId: string) => {
    const o = await openCustomer(site, { event: { type: "Opened", customer: { name, kind: "Individual", policyId, serviceAreas: "Prevention", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [] }, actor: sam, idempotencyKey: `open-${name}` });
    if (!o.ok) throw new Error(o.reason);
    return o.customerId;
  };
  const words = "Leaves voicemails pretending to be <b>a solicitor</b>";
  const id = await open("Olive Other", cumbria.id);
  expect(await step(id, sam, { type: "Refer", behaviours: ["other"], serviceArea: "Prevention", summary: "See the voicemails." })).toMatchObject({ ok: false, status: 422, reason: "Describe the behaviour you ticked as “Other”." });
  const referred = await step(id, sam, { type: "Refer", behaviours: ["high-volume", "other"], otherBehaviour: ` ${words} `, serviceArea: "Prevention", summary: "See the voicemails." });
  if (!referred.ok) throw new Error(referred.reason);
  expect(referred.record.file.referral).toMatchObject({ behaviours: ["high-volume", "other"], otherBehaviour: words });
  const [row] = (await loadRegister(site, id)).rows.cases;
  expect(row.fields).toMatchObject({ Behaviours: ["high-volume", "other"], OtherBehaviour: words });
  expect(await projectCustomer(site, id)).toMatchObject({ changes: [], drift: false });

  const closed = await open("Colin Closed", "merseyside-fire-2011");
  expect(await step(closed, mo, { type: "Refer", behaviours: ["vexatious", "other"], otherBehaviour: words, serviceArea: "", summary: "x" })).toMatchObject({
    ok: false,
    status: 422,
    reason: expect.stringMatching(/^Merseyside Fire & Rescue Service's policy gives a closed list of behaviours, so "Other" cannot be recorded/),
  });
});
