// One walk per preset through the whole path its policy allows, with the policy's own people, letters and deadlines.
import { getPreset, missingSettings } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { newCaseFile, transition, type Actor, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import { DEFAULT_SETTINGS, type OrganisationSettings } from "../../shared/settings/organisation";
import { admin, dan, dee, mo, remi, rory, sam, scheduler } from "../support/actors";

/** Runs steps in order; every step must succeed unless it says `refused`, whose reason must match. */
function walk(preset: Preset, steps: [string, Actor, WorkflowEvent, RegExp?][], start = newCaseFile(preset.id), settings: OrganisationSettings = DEFAULT_SETTINGS): CaseFile {
  let file = start;
  for (const [when, actor, event, refused] of steps) {
    const r = transition(file, event, { preset, actor, now: new Date(when), settings });
    if (refused) {
      expect(r.ok, `${event.type} on ${when} should be refused`).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(refused);
      continue;
    }
    if (!r.ok) throw new Error(`${event.type} on ${when} was refused: ${r.reason}`);
    file = r.file;
  }
  return file;
}
const checks = (p: Preset) => Object.fromEntries(p.preChecks.items.map((c) => [c.id, true]));
const letter = (p: Preset, kind: Parameters<typeof lettersOf>[1]): WorkflowEvent => ({ type: "LetterSent", kind, elements: lettersOf(p, kind) });
function lettersOf(p: Preset, kind: "Monitoring" | "Restriction" | "StaffNotice" | "ThankYou" | "Extension" | "ReviewOutcome" | "AppealOutcome" | "Lifted") {
  return p.letters.find((l) => l.kind === kind)!.elements;
}

describe("council-ccm-2014: monitoring, then the Chief Executive's sanction", () => {
  const p = getPreset("council-ccm-2014")!;
  it("walks referral → joint decision → monitoring letter → three months → unacceptable → sanction → letter → staff notice", () => {
    const file = walk(p, [
      ["2027-01-04T09:00:00Z", sam, { type: "Refer", behaviours: [p.behaviours.items[3].id], serviceArea: "Planning", summary: "Daily e-mails to twelve officers about one application." }],
      // Sanctions only follow monitoring: a direct restriction is refused.
      ["2027-01-05T09:00:00Z", dan, { type: "Decide", outcome: "Restrict", reasons: "x".repeat(5), preChecks: checks(p), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "NoContact" }, endsAt: "2027-06-01T00:00:00Z" }] }, /sanctions follow a period of monitoring/],
      ["2027-01-05T09:00:00Z", mo, { type: "Decide", outcome: "Monitor", reasons: "Volume is hindering service to others.", preChecks: checks(p), vulnerabilityConsidered: true }, /Only the Head of Service/],
      ["2027-01-05T09:00:00Z", dee, { type: "Decide", outcome: "Monitor", reasons: "Volume is hindering service to others.", preChecks: checks(p), vulnerabilityConsidered: true, jointly: ["mo.manager@upc.test"] }],
      ["2027-01-05T10:00:00Z", dee, { type: "LetterSent", kind: "Monitoring", elements: ["behaviour", "expectations", "monitoringPeriod", "spoc", "potentialOutcome"] }, /a copy of the policy/],
      ["2027-01-05T10:00:00Z", dee, letter(p, "Monitoring")],
      ["2027-01-05T10:05:00Z", dee, letter(p, "StaffNotice")],
      ["2027-02-05T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: false, reasons: "Still daily." }, /only when it ends/],
      ["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: false, reasons: "Contact continued daily, with abusive language." }],
      ["2027-04-08T10:00:00Z", dan, { type: "Decide", outcome: "Restrict", reasons: "Chief Executive: limit contact.", restrictions: [{ params: { kind: "ContactQuota", max: 1, per: "Week", channel: "Letter" } }] }, /Give each restriction an end date, or an administrator must set the review interval/],
      ["2027-04-08T10:00:00Z", dan, { type: "Decide", outcome: "Restrict", reasons: "Chief Executive: limit contact to one letter a week.", restrictions: [{ params: { kind: "ContactQuota", max: 1, per: "Week", channel: "Letter" }, endsAt: "2027-10-08T00:00:00Z" }] }],
      ["2027-04-08T11:00:00Z", dee, letter(p, "Restriction")],
      ["2027-04-08T11:05:00Z", dee, letter(p, "StaffNotice")],
      // No appeal under this policy: the customer is pointed to the complaints procedure.
      ["2027-04-10T11:05:00Z", sam, { type: "AppealLodged", receivedAt: "2027-04-10T11:00:00Z", inWriting: true, grounds: "Unfair" }, /offers no appeal/],
    ]);
    expect(file.status).toBe("Restricted");
    // 004 §6: three calendar months from the letter's receipt (e-mailed 5 January): to the end of 5 April, UK time.
    expect(file.monitoring).toMatchObject({ outcome: "Unacceptable", endsAt: new Date("2027-04-05T22:59:59.999Z").toISOString() });
    expect(file.decisions.map((d) => d.outcome)).toEqual(["Monitor", "Restrict"]);
    expect(file.decisions[0].participants).toEqual(["dee.decider@upc.test", "mo.manager@upc.test"]);
    expect(file.lettersOwed).toEqual([]);
    expect(file.reviewDue).toBe("2027-10-08T00:00:00Z");
  });

  it("ends well with a thank-you letter and the staff told", () => {
    const file = walk(p, [
      ["2027-01-04T09:00:00Z", sam, { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "Housing", summary: "Offensive language on calls." }],
      ["2027-01-05T09:00:00Z", dee, { type: "Decide", outcome: "Monitor", reasons: "Repeated offensive language.", preChecks: checks(p), vulnerabilityConsidered: true }],
      ["2027-01-05T10:00:00Z", dee, letter(p, "Monitoring")],
      ["2027-01-05T10:00:00Z", dee, letter(p, "StaffNotice")],
      ["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: true, reasons: "Contact has been courteous." }],
    ]);
    expect(file.status).toBe("Closed");
    expect(file.lettersOwed).toEqual(["ThankYou", "StaffNotice"]);
  });
});

describe("cumbria-fire-2023: warning, pre-checks, senior manager, appeal, independent review", () => {
  const p = getPreset("cumbria-fire-2023")!;
  it("walks warning → six pre-checks → decision → restrictions → letter → appeal on day 14 → review by day 28 → six-month review", () => {
    const file = walk(p, [
      ["2027-02-01T09:00:00Z", mo, { type: "Warn", level: "Formal", note: "Letter naming the volume of calls, with examples from January." }],
      ["2027-02-08T09:00:00Z", sam, { type: "Refer", behaviours: ["high-volume", "scattergun"], serviceArea: "Prevention", summary: "Thirty calls and e-mails to six officers and the MP in a week." }],
      ["2027-02-10T09:00:00Z", dee, { type: "Decide", outcome: "Restrict", reasons: "Volume continues after a written warning.", preChecks: { ...checks(p), "decision-right": undefined as unknown as boolean }, vulnerabilityConsidered: true }, /answer each check/],
      ["2027-02-10T09:00:00Z", dee, {
        type: "Decide", outcome: "Restrict", reasons: "Volume continues after a written warning.", preChecks: checks(p), vulnerabilityConsidered: true,
        restrictions: [
          { params: { kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } } },
          { params: { kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }] } },
        ],
      }],
      ["2027-02-10T11:00:00Z", dee, letter(p, "Restriction")],
      ["2027-02-10T11:05:00Z", dee, letter(p, "StaffNotice")],
      ["2027-02-24T21:00:00Z", sam, { type: "AppealLodged", receivedAt: "2027-02-24T20:00:00Z", inWriting: true, grounds: "The call slot clashes with my work." }],
      ["2027-03-01T10:00:00Z", { ...dee, roles: [...dee.roles, "Reviewer"] }, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }, /took part in the decision under appeal/],
      ["2027-03-20T10:00:00Z", rory, { type: "AppealDecided", outcome: "Varied", reasons: "Slot moved to Thursday afternoon to fit the customer's work.", restrictions: [
        { params: { kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } } },
        { params: { kind: "CallSlots", slots: [{ day: "Thu", from: "14:00", to: "16:00" }] } },
      ] }],
    ]);
    const appeal = file.reviews.find((r) => r.kind === "Appeal")!;
    expect(appeal).toMatchObject({ outcome: "Varied", by: "rory.reviewer@upc.test", late: false });
    expect(appeal.dueBy).toBe(new Date("2027-03-24T23:59:59.999Z").toISOString()); // 28 days from receipt
    expect(file.reviewDue).toBe(new Date("2027-08-10T22:59:59.999Z").toISOString()); // six months from the decision (BST)
    expect(file.reviews.filter((r) => r.kind === "ScheduledReview" && r.outcome === null)).toHaveLength(1);
    expect(file.restrictions.filter((r) => r.state === "Active").map((r) => r.kind)).toEqual(["NamedOfficer", "CallSlots"]);

    // An appeal received on day 15 is out of time.
    const late = walk(p, [], { ...file, reviews: file.reviews.filter((r) => r.kind !== "Appeal") });
    const r = transition(late, { type: "AppealLodged", receivedAt: "2027-02-25T00:00:01Z", inWriting: true, grounds: "late" }, { preset: p, actor: sam, now: new Date("2027-02-26T09:00:00Z") });
    expect(r.ok).toBe(false);

    // The six-month review by an independent senior manager sets the next one. Rory heard the appeal, so he is part
    // of the chain; Remi is independent of all of it.
    const reviewed = walk(p, [["2027-08-09T09:00:00Z", remi, { type: "ReviewDecided", outcome: "Upheld", reasons: "Contact within the slots; keep for six more months." }]], file);
    expect(reviewed.reviewDue).toBe(new Date("2028-02-09T23:59:59.999Z").toISOString());
  });
});

describe("southampton-2018: local resolution first, yearly review, extension after comment, retention", () => {
  const p = getPreset("southampton-2018")!;
  it("walks local resolution → referral → CRM decision → letter → yearly review → extension with comment → lifted without letter → purge after six years", () => {
    const file = walk(p, [
      ["2027-01-04T09:00:00Z", mo, { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "Council Tax", summary: "Same complaint to nine services." }, /local resolution to be tried first/],
      ["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "Named a single point of contact.", confirmedInWriting: false }, /confirmed to the customer in writing/],
      // 002 "Dealing with …": the behaviour "should then be monitored for a set period"; the manager sets it.
      ["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "Named a single point of contact; letter sent.", confirmedInWriting: true, monitorUntil: "2027-02-15" }],
      ["2027-02-15T09:00:00Z", mo, { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "Council Tax", summary: "Same complaint to nine services despite a SPOC." }, /runs until 15 February 2027/],
      ["2027-03-01T09:00:00Z", sam, { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "Council Tax", summary: "Same complaint to nine services." }, /Only/],
      ["2027-03-01T09:00:00Z", mo, { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "Council Tax", summary: "Same complaint to nine services despite a SPOC." }],
      ["2027-03-08T09:00:00Z", dee, { type: "Decide", outcome: "Restrict", reasons: "Scattergun contact continues.", preChecks: checks(p), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] }],
      ["2027-03-08T10:00:00Z", dee, letter(p, "Restriction")],
      // Southampton's policy has an appeal but no window: it must be set before one can be recorded.
      ["2027-03-10T10:00:00Z", sam, { type: "AppealLodged", receivedAt: "2027-03-10T09:00:00Z", inWriting: true, grounds: "x" }, /does not say how long the customer has to appeal/],
      // Review: "Any restrictions imposed will be reviewed on a yearly basis by the CRM." The CRM who imposed them
      // reviews them: the text asks no independence here (unlike Cumbria's reviews).
      ["2028-03-01T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Extended", reasons: "Behaviour resumed in January." }, /invited to comment/],
      ["2028-03-01T10:00:00Z", dan, { type: "InviteExtensionComment" }],
      ["2028-03-15T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Extended", reasons: "Behaviour resumed; customer's comments considered." }],
      ["2028-03-15T11:00:00Z", dan, letter(p, "Extension")],
      ["2029-03-10T10:00:00Z", rory, { type: "ReviewDecided", outcome: "Removed", reasons: "Subsided." }, /Only/],
      ["2029-03-10T10:00:00Z", dee, { type: "ReviewDecided", outcome: "Removed", reasons: "Behaviour has subsided for a year." }],
      ["2029-03-10T11:00:00Z", dee, { type: "LetterWithheld", kind: "ReviewOutcome", reason: "x" }, /does not allow/],
      ["2029-03-10T11:00:00Z", dee, letter(p, "ReviewOutcome")],
      ["2029-03-10T11:00:00Z", dee, { type: "LetterWithheld", kind: "Lifted", reason: "Writing again could re-ignite the behaviour (Head of Legal consulted)." }],
      ["2034-03-10T11:00:00Z", scheduler, { type: "Purge" }, /must be kept until 10 March 2035/],
      ["2035-03-11T11:00:00Z", scheduler, { type: "Purge" }],
    ]);
    expect(file.purged).toBe(true);
    expect(file.referral).toBeNull();
    expect(file.letters).toEqual([]);
  });
});

describe("merseyside-fire-2011: a Director decides; what the policy leaves open must be set first", () => {
  const p = getPreset("merseyside-fire-2011")!;
  it("refuses restriction until an administrator sets the options and the review interval, then runs", () => {
    expect(missingSettings(p).map((m) => m.path)).toEqual(expect.arrayContaining(["restrictions.kinds", "reviewIntervalMonths", "appeal.windowDays"]));
    const refer: WorkflowEvent = { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "Community Safety", summary: "Resource-intensive contact." };
    const decide: WorkflowEvent = { type: "Decide", outcome: "Restrict", reasons: "Last resort after a personal meeting.", preChecks: checks(p), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] };
    walk(p, [
      ["2027-01-04T09:00:00Z", sam, refer],
      ["2027-01-05T09:00:00Z", dee, decide, /does not provide for a SingleChannel restriction/],
    ]);
    const configured: Preset = { ...p, restrictions: { ...p.restrictions, kinds: ["SingleChannel"] }, reviewIntervalMonths: { ...p.reviewIntervalMonths, value: 12 } };
    const file = walk(configured, [
      ["2027-01-04T09:00:00Z", sam, refer],
      // The policy names no letter, so none is owed (the national decision letter is an organisation setting).
      ["2027-01-05T09:00:00Z", dee, decide],
      ["2027-01-20T10:00:00Z", sam, { type: "AppealLodged", receivedAt: "2027-01-19T10:00:00Z", inWriting: true, grounds: "x" }, /does not say whether decisions can be appealed/],
      // The policy says nothing of restrictions lapsing: past the review date they wait for a reviewer.
      ["2028-01-06T10:00:00Z", scheduler, { type: "RestrictionExpired" }, /do not lapse on their own .* waits for a reviewer/],
    ]);
    expect(file.status).toBe("Restricted");
    // Where the organisation has chosen that restrictions lapse at review, they do.
    const lapsed = walk(configured, [["2028-01-06T10:00:00Z", scheduler, { type: "RestrictionExpired" }]], file, { ...DEFAULT_SETTINGS, lapseAtReview: true });
    expect(lapsed.status).toBe("Closed");
    expect(lapsed.restrictions[0].state).toBe("Expired");
  });
});

describe("hampshire-sendiass: local resolution, then blocking in extreme cases", () => {
  const p = getPreset("hampshire-sendiass")!;
  it("walks local resolution → referral → manager blocks electronic contact for a period → letter → lapses where the organisation chose it", () => {
    // The policy names no letter; the organisation has chosen the national guidance's decision letter and lapsing at review.
    const settings = { ...DEFAULT_SETTINGS, lapseAtReview: true, nationalLetterElements: true };
    const file = walk(
      p,
      [
        ["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "agreed-frequency", note: "Agreed a weekly call.", confirmedInWriting: true }],
        ["2027-02-01T09:00:00Z", sam, { type: "Refer", behaviours: [p.behaviours.items[0].id], serviceArea: "SENDIASS", summary: "Weekly arrangement not kept; many e-mails a day." }],
        ["2027-02-02T09:00:00Z", mo, { type: "Decide", outcome: "Restrict", reasons: "Extreme case: e-mails many times a day.", preChecks: checks(p), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "BlockElectronic", includePhone: false }, endsAt: "2027-05-02T00:00:00Z" }] }],
        ["2027-02-02T10:00:00Z", mo, { type: "LetterSent", kind: "Restriction", elements: ["why", "what", "howLong", "reviewDate"] }, /Ombudsman/],
        ["2027-02-02T10:00:00Z", mo, { type: "LetterSent", kind: "Restriction", elements: ["why", "what", "howLong", "reviewDate", "ombudsman"] }],
        ["2027-05-03T00:00:00Z", admin, { type: "RestrictionExpired" }],
      ],
      newCaseFile(p.id),
      settings,
    );
    expect(file.status).toBe("Closed");
    expect(file.retainUntil).toBeNull(); // silent on retention: nothing is purged until an administrator sets it
  });
});
