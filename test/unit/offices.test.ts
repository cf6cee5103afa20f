// Offices as the policy texts name them: who may take each step, who must be named with it, notices to exactly the
// audiences each text names, and independence over the whole chain of decisions.
import { officesHeld, parseOfficeMap } from "../../shared/offices/mapping";
import { getPreset } from "../../shared/presets/registry";
import { eventFromFields } from "../../shared/register/event-row";
import { transition, type Actor, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import type { OfficeFacts } from "../../shared/workflow/offices";
import { dan, dee, mo, remi, rory, sam } from "../support/actors";
import { checks, letter, walk } from "../support/walk";

type Decide = Extract<WorkflowEvent, { type: "Decide" }>;
const ccm = getPreset("council-ccm-2014")!;
const southampton = getPreset("southampton-2018")!;
const cumbria = getPreset("cumbria-fire-2023")!;

// The council's offices, each mapped to a different person, as an administrator would in the Offices view.
const MAP = {
  "head-of-service": { groups: [], people: ["hana.head@upc.test"] },
  "business-manager": { groups: [], people: ["bea.business@upc.test"] },
  "executive-director": { groups: [], people: ["ed.director@upc.test"] },
  "chief-executive": { groups: [], people: ["cath.chief@upc.test"] },
};
const holder = (upn: string): Actor => ({ upn, roles: ["Decider", "Staff"], offices: officesHeld(MAP, upn, []) });
const hana = holder("hana.head@upc.test");
const cath = holder("cath.chief@upc.test");
const ed = holder("ed.director@upc.test");
const facts: OfficeFacts = {
  mapped: Object.keys(MAP),
  holders: Object.fromEntries(["hana.head@upc.test", "bea.business@upc.test", "ed.director@upc.test", "cath.chief@upc.test", "mo.manager@upc.test"].map((u) => [u, officesHeld(MAP, u, [])])),
};
const JOINT = [{ office: "business-manager", upn: "bea.business@upc.test" }, { office: "executive-director", upn: "ed.director@upc.test" }];

function step(file: CaseFile, when: string, actor: Actor, event: WorkflowEvent, preset = ccm) {
  return transition(file, event, { preset, actor, now: new Date(when), offices: facts });
}
function ok(file: CaseFile, when: string, actor: Actor, event: WorkflowEvent, preset = ccm): CaseFile {
  const r = step(file, when, actor, event, preset);
  if (!r.ok) throw new Error(`${event.type} refused: ${r.reason}`);
  return r.file;
}

const monitor = (over: Partial<Decide> = {}): Decide => ({ type: "Decide", outcome: "Monitor", reasons: "Volume is hindering service to others.", preChecks: checks(ccm), vulnerabilityConsidered: true, ...over });
const referred = () => walk(ccm, [["2027-01-04T09:00:00Z", sam, { type: "Refer", behaviours: ["unreasonably-persistent"], serviceArea: "Planning", summary: "Daily e-mails to twelve officers." }]]);

function unacceptable(): CaseFile {
  let f = ok(referred(), "2027-01-05T09:00:00Z", hana, monitor({ participants: JOINT }));
  f = ok(f, "2027-01-05T10:00:00Z", hana, letter(ccm, "Monitoring"));
  f = ok(f, "2027-01-05T10:05:00Z", hana, letter(ccm, "StaffNotice"));
  return ok(f, "2027-04-07T10:00:00Z", ed, { type: "MonitoringEnded", acceptable: false, reasons: "Contact continued daily.", participants: [{ office: "business-manager", upn: "bea.business@upc.test" }] });
}

describe("offices: who may take a step (004_4a3366f45c554bec.txt §6)", () => {
  it("§6 “the Chief Executive may decide to apply one of the following sanctions”: the Head of Service who decided to monitor cannot impose one", () => {
    const f = unacceptable();
    const sanction: Decide = { type: "Decide", outcome: "Restrict", reasons: "Contact continued to be unacceptable.", restrictions: [{ params: { kind: "NoContact" }, endsAt: "2027-07-07T00:00:00Z" }] };
    const byHead = step(f, "2027-04-08T10:00:00Z", hana, sanction);
    expect(byHead).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only the Chief Executive may decide to restrict a customer's contact under .+, and you are not named as the Chief Executive\. An administrator names who holds each office in the Teams tab, under Offices\.$/) });
    expect(step(f, "2027-04-08T10:00:00Z", cath, sanction).ok).toBe(true);
  });

  it("§6 “who will jointly decide”: a decision to invoke with nobody else named is refused, naming the office", () => {
    const r = step(referred(), "2027-01-05T09:00:00Z", hana, monitor());
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/decides this jointly with the Customer & ICT Services Business Manager: name who that is\.$/) });
    const half = step(referred(), "2027-01-05T09:00:00Z", hana, monitor({ participants: [JOINT[0]] }));
    expect(half).toMatchObject({ ok: false, reason: expect.stringMatching(/jointly with the Executive Director, Resources & Support Services: name who that is/) });
  });

  it("§6 a joint decision records everyone who took part, so none of them can later hear an appeal", () => {
    const f = ok(referred(), "2027-01-05T09:00:00Z", hana, monitor({ participants: JOINT }));
    expect(f.decisions.at(-1)?.participants).toEqual(["hana.head@upc.test", "bea.business@upc.test", "ed.director@upc.test"]);
  });

  it("refuses someone named for an office they do not hold, once that office is mapped", () => {
    const r = step(referred(), "2027-01-05T09:00:00Z", hana, monitor({ participants: [JOINT[0], { office: "executive-director", upn: "mo.manager@upc.test" }] }));
    expect(r).toMatchObject({ ok: false, reason: "mo.manager@upc.test is not named as the Executive Director, Resources & Support Services. An administrator names who holds each office in the Teams tab, under Offices." });
  });

  it("refuses the decider standing as their own joint decider", () => {
    const r = step(referred(), "2027-01-05T09:00:00Z", hana, monitor({ participants: [JOINT[0], { office: "executive-director", upn: "hana.head@upc.test" }] }));
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/^You cannot also stand as the Executive Director/) });
  });

  it("until an office is mapped, the product role stands in, and the refusal says the office is not yet named", () => {
    const unmapped: OfficeFacts = { mapped: [], holders: {} };
    const r = transition(referred(), monitor({ participants: JOINT }), { preset: ccm, actor: { ...sam, offices: [] }, now: new Date("2027-01-05T09:00:00Z"), offices: unmapped });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/No one has been named as the Head of Service for the department affected yet, so the product role stands in/) });
    const byRole = transition(referred(), monitor({ participants: JOINT }), { preset: ccm, actor: { ...dee, offices: [] }, now: new Date("2027-01-05T09:00:00Z"), offices: unmapped });
    expect(byRole.ok).toBe(true);
  });
});

describe("offices: consulted (002_c47487000f646a0a.txt)", () => {
  const crmMap = { "complaints-resolution-manager": { groups: ["UPC Reviewers"], people: [] }, "head-of-legal": { groups: [], people: ["lee.legal@upc.test"] } };
  const sfacts: OfficeFacts = { mapped: Object.keys(crmMap), holders: { "lee.legal@upc.test": ["head-of-legal"] } };
  const crm: Actor = { ...rory, offices: officesHeld(crmMap, rory.upn, ["UPC Reviewers", "UPC Staff"]) };
  const referredS = () =>
    walk(southampton, [
      ["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "Named a SPOC; letter sent.", confirmedInWriting: true, monitorUntil: "2027-02-15" }],
      ["2027-03-01T09:00:00Z", mo, { type: "Refer", behaviours: [southampton.behaviours.items[0].id], serviceArea: "Council Tax", summary: "Same complaint to nine services." }],
    ]);
  const restrict = (over: Partial<Decide> = {}): Decide => ({ type: "Decide", outcome: "Restrict", reasons: "Scattergun contact continues.", preChecks: checks(southampton), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }], ...over });

  it("“The CRM will consider the referral, in consultation with the Head of Service, Legal Services Partnerships”: a decision with no one consulted is refused", () => {
    const r = transition(referredS(), restrict(), { preset: southampton, actor: crm, now: new Date("2027-03-08T09:00:00Z"), offices: sfacts });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/consults the Head of Service, Legal Services Partnership on this: name who was consulted\.$/) });
    const done = transition(referredS(), restrict({ participants: [{ office: "head-of-legal", upn: "lee.legal@upc.test" }] }), { preset: southampton, actor: crm, now: new Date("2027-03-08T09:00:00Z"), offices: sfacts });
    expect(done.ok).toBe(true);
  });

  it("an office mapped to a group is held by its members, and by no one else", () => {
    expect(officesHeld(crmMap, "rory.reviewer@upc.test", ["UPC Reviewers"])).toEqual(["complaints-resolution-manager"]);
    expect(officesHeld(crmMap, "dee.decider@upc.test", ["UPC Deciders"])).toEqual([]);
    const byDee = transition(referredS(), restrict({ participants: [{ office: "head-of-legal", upn: "lee.legal@upc.test" }] }), { preset: southampton, actor: { ...dee, offices: [] }, now: new Date("2027-03-08T09:00:00Z"), offices: sfacts });
    expect(byDee).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only the Complaints Resolution Manager \(CRM\) may decide to restrict/) });
  });
});

describe("notices go to exactly the audiences each text names (004_4a3366f45c554bec.txt §6)", () => {
  it("“all Council staff and Elected Members” are told of no contact; the sanction notice leaves out the Chief Executive", () => {
    const r = step(unacceptable(), "2027-04-08T10:00:00Z", cath, { type: "Decide", outcome: "Restrict", reasons: "Contact continued to be unacceptable.", restrictions: [{ params: { kind: "NoContact" }, endsAt: "2027-07-07T00:00:00Z" }] });
    if (!r.ok) throw new Error(r.reason);
    const notices = r.effects.filter((e) => e.type === "NotifyStaff");
    expect(notices.map((n) => n.type === "NotifyStaff" && [n.event, n.recipients])).toEqual([
      ["SanctionApplied", ["Executive Directors", "Heads of Service", "Business Managers", "Elected Members"]],
      ["NoContact", ["all Council staff", "Elected Members"]],
    ]);
    expect(r.file.staffNoticeTo).toEqual(["executive-directors", "heads-of-service", "business-managers", "elected-members", "all-staff"]);
  });

  it("“this information should be passed on to all staff”: the end of monitoring is told to all staff as well", () => {
    let f = ok(referred(), "2027-01-05T09:00:00Z", hana, monitor({ participants: JOINT }));
    f = ok(f, "2027-01-05T10:00:00Z", hana, letter(ccm, "Monitoring"));
    f = ok(f, "2027-01-05T10:05:00Z", hana, letter(ccm, "StaffNotice"));
    expect(f.staffNoticeTo).toEqual([]);
    const r = step(f, "2027-04-07T10:00:00Z", ed, { type: "MonitoringEnded", acceptable: true, reasons: "Contact has been acceptable.", participants: [{ office: "business-manager", upn: "bea.business@upc.test" }] });
    expect(r.ok && r.file.staffNoticeTo).toEqual(["chief-executive", "executive-directors", "heads-of-service", "business-managers", "elected-members", "all-staff"]);
  });
});

describe("independence over the whole chain (001_de0aff75e8e4f05c.txt 2.2: “Reviews will be carried out by an independent senior manager.”)", () => {
  it("once a review varies the restrictions, the original decider still cannot hear the appeal", () => {
    const restricted = walk(cumbria, [
      ["2027-01-04T09:00:00Z", mo, { type: "Warn", level: "Formal", note: "Told the behaviour is unacceptable." }],
      ["2027-01-05T09:00:00Z", sam, { type: "Refer", behaviours: [cumbria.behaviours.items[0].id], serviceArea: "Prevention", summary: "Calls daily." }],
      ["2027-02-10T09:00:00Z", dee, { type: "Decide", outcome: "Restrict", reasons: "Calls continue.", preChecks: checks(cumbria), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "Witness" } }] }],
      ["2027-02-10T10:00:00Z", dee, letter(cumbria, "Restriction")],
      ["2027-02-10T10:05:00Z", dee, letter(cumbria, "StaffNotice")],
      // The six-month review by an independent senior manager varies them: now the latest decision is Remi's.
      ["2027-08-09T09:00:00Z", remi, { type: "ReviewDecided", outcome: "Varied", reasons: "A witness and a single channel.", restrictions: [{ params: { kind: "Witness" } }, { params: { kind: "SingleChannel", channel: "Letter" } }] }],
      ["2027-08-09T10:00:00Z", remi, letter(cumbria, "ReviewOutcome")],
      ["2027-08-10T09:00:00Z", sam, { type: "AppealLodged", receivedAt: "2027-08-10T08:00:00Z", inWriting: true, grounds: "Disproportionate." }],
    ]);
    const byDee = transition(restricted, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }, { preset: cumbria, actor: { ...dee, roles: [...dee.roles, "Reviewer"] }, now: new Date("2027-08-20T09:00:00Z") });
    expect(byDee).toMatchObject({ ok: false, reason: expect.stringMatching(/^You took part in the decision under appeal, or in a decision on it since/) });
    const byRemi = transition(restricted, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }, { preset: cumbria, actor: remi, now: new Date("2027-08-20T09:00:00Z") });
    expect(byRemi.ok).toBe(false);
    const byRory = transition(restricted, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }, { preset: cumbria, actor: rory, now: new Date("2027-08-20T09:00:00Z") });
    expect(byRory.ok).toBe(true);
    void dan;
  });
});

describe("the office map an administrator keeps on the site", () => {
  it("keeps every well-formed office and reports the rest in words, so a bad hand edit leaves an office unmapped rather than held by the wrong people", () => {
    const { map, problems } = parseOfficeMap(
      { "chief-executive": { groups: [], people: ["Cath.Chief@upc.test "] }, "head-of-service": { groups: [], people: ["not an address"] }, "lord-mayor": { groups: ["x"], people: [] }, "executive-director": "ed" },
      new Set(["chief-executive", "head-of-service", "executive-director"]),
    );
    expect(map).toEqual({ "chief-executive": { groups: [], people: ["cath.chief@upc.test"] } });
    expect(problems).toEqual([
      '"not an address" (named to "head-of-service") is not a work e-mail address.',
      '"lord-mayor" is not an office any policy in use names.',
      'The holders of "executive-director" could not be read.',
    ]);
  });

  it("a step stored with its offices replays by them; one stored before offices existed replays by its roles", () => {
    const base = { Title: "42:3", CustomerLookupId: "42", Seq: 3, Type: "Decide", Event: JSON.stringify({ type: "Decide", outcome: "Restrict", reasons: "x" }), Actor: "cath.chief@upc.test", At: "2027-04-08T10:00:00Z", IdempotencyKey: "k-3", PresetVersion: "1", Owed: "[]" };
    const withOffices = eventFromFields({ ...base, ActorOffices: "Decider,Staff|chief-executive" });
    const before = eventFromFields({ ...base, ActorOffices: "Decider,Staff" });
    expect(withOffices.ok && withOffices.event.actor).toEqual({ upn: "cath.chief@upc.test", roles: ["Decider", "Staff"], offices: ["chief-executive"] });
    expect(before.ok && before.event.actor).toEqual({ upn: "cath.chief@upc.test", roles: ["Decider", "Staff"] });
  });
});

describe("the UI asks the workflow what a step needs", () => {
  it("lists every missing answer for a decision at once, in the workflow's words, and nothing once it is complete", async () => {
    const { requirements } = await import("../../shared/workflow");
    const bare: Decide = { type: "Decide", outcome: "Monitor", reasons: "" };
    const needs = requirements(referred(), bare, { preset: ccm, actor: hana, now: new Date("2027-01-05T09:00:00Z"), offices: facts });
    expect(needs).toEqual([
      "Give the reasons for this decision: they are recorded and may be seen by the customer, a reviewer or the Ombudsman.",
      expect.stringMatching(/^Before deciding, answer each check the policy requires: /),
      "Record that the customer's vulnerability, health and support needs (including reasonable adjustments) have been considered.",
      expect.stringMatching(/decides this jointly with the Customer & ICT Services Business Manager: name who that is\.$/),
      expect.stringMatching(/decides this jointly with the Executive Director, Resources & Support Services: name who that is\.$/),
    ]);
    expect(requirements(referred(), monitor({ participants: JOINT }), { preset: ccm, actor: hana, now: new Date("2027-01-05T09:00:00Z"), offices: facts })).toEqual([]);
    // A case at the wrong stage is said in the workflow's own words too.
    expect(requirements(unacceptable(), monitor({ participants: JOINT }), { preset: ccm, actor: hana, now: new Date("2027-04-08T09:00:00Z"), offices: facts })).toEqual([expect.stringMatching(/^Monitoring is decided on a referral/)]);
  });
});

describe("the organisation's own choices (not in any policy)", () => {
  it("refuses a shared inbox as single point of contact unless the organisation has chosen to allow one", () => {
    const p = getPreset("cumbria-fire-2023")!;
    const file = walk(p, [
      ["2027-01-04T09:00:00Z", mo, { type: "Warn", level: "Formal", note: "Told the behaviour is unacceptable." }],
      ["2027-01-05T09:00:00Z", sam, { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "Prevention", summary: "Calls daily." }],
    ]);
    const inbox: Decide = { type: "Decide", outcome: "Restrict", reasons: "Calls continue.", preChecks: checks(p), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "NamedOfficer", target: { kind: "Inbox", address: "customer.relations@upc.test", name: "Customer Relations team" } } }] };
    const off = transition(file, inbox, { preset: p, actor: dee, now: new Date("2027-02-10T09:00:00Z") });
    expect(off).toMatchObject({ ok: false, reason: expect.stringMatching(/names no shared inbox as a single point of contact, and your organisation has not chosen to allow one/) });
    const on = transition(file, inbox, { preset: p, actor: dee, now: new Date("2027-02-10T09:00:00Z"), settings: { lapseAtReview: false, nationalLetterElements: false, genericInboxSpoc: true } });
    expect(on.ok).toBe(true);
  });
});
