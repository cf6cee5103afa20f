// The case workflow's guards, one by one, on the Cumbria preset: every refusal comes back in words, never as an error.
import { presetSchema } from "../../shared/presets/schema";
import { cumbriaFire2023 } from "../../shared/presets/cumbria-fire-2023";
import { newCaseFile, transition, type CaseFile, type WorkflowEvent, type Actor } from "../../shared/workflow";
import { DEFAULT_SETTINGS, type OrganisationSettings } from "../../shared/settings/organisation";
import { dee, dan, mo, rory, remi, sam, scheduler, admin } from "../support/actors";

const preset = presetSchema.parse(cumbriaFire2023);
const ALL_CHECKS = Object.fromEntries(preset.preChecks.items.map((c) => [c.id, true]));
const T0 = new Date("2027-01-11T10:00:00Z");

function step(file: CaseFile, event: WorkflowEvent, actor: Actor, now = T0, settings: OrganisationSettings = DEFAULT_SETTINGS): CaseFile {
  const r = transition(file, event, { preset, actor, now, settings });
  if (!r.ok) throw new Error(`expected ${event.type} to succeed: ${r.reason}`);
  return r.file;
}
function refusal(file: CaseFile, event: WorkflowEvent, actor: Actor, now = T0, settings: OrganisationSettings = DEFAULT_SETTINGS): string {
  const r = transition(file, event, { preset, actor, now, settings });
  if (r.ok) throw new Error(`expected ${event.type} to be refused`);
  return r.reason;
}

const referEvent: WorkflowEvent = { type: "Refer", behaviours: ["high-volume"], serviceArea: "Fire Safety", summary: "Forty e-mails in a week to six officers." };
const restrictEvent = (extra: Partial<Extract<WorkflowEvent, { type: "Decide" }>> = {}): WorkflowEvent => ({
  type: "Decide",
  outcome: "Restrict",
  reasons: "Volume of contact continues after a written warning.",
  preChecks: ALL_CHECKS,
  vulnerabilityConsidered: true,
  restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }],
  ...extra,
});

function referred(): CaseFile {
  let f = newCaseFile(preset.id);
  f = step(f, { type: "Warn", level: "Formal", note: "Told in writing that forty e-mails a week is unacceptable." }, mo);
  return step(f, referEvent, sam);
}
function restricted(now = T0): CaseFile {
  let f = step(referred(), restrictEvent(), dee, now);
  f = step(f, { type: "LetterSent", kind: "Restriction", elements: ["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"] }, dee, now);
  return step(f, { type: "LetterSent", kind: "StaffNotice", elements: ["what"] }, dee, now);
}

describe("referral", () => {
  it("moves an observed customer to Referred and records who referred", () => {
    const f = step(newCaseFile(preset.id), referEvent, sam);
    expect(f.status).toBe("Referred");
    expect(f.referral).toMatchObject({ by: "sam.officer@upc.test", behaviours: ["high-volume"] });
  });
  it("needs a behaviour from the policy and a summary", () => {
    expect(refusal(newCaseFile(preset.id), { ...referEvent, behaviours: [] } as WorkflowEvent, sam)).toMatch(/at least one behaviour/);
    expect(refusal(newCaseFile(preset.id), { ...referEvent, behaviours: ["made-up"] } as WorkflowEvent, sam)).toMatch(/not in this policy: made-up/);
    expect(refusal(newCaseFile(preset.id), { ...referEvent, summary: " " } as WorkflowEvent, sam)).toMatch(/summary/);
  });
  it("is not needed twice", () => {
    expect(refusal(referred(), referEvent, sam)).toMatch(/already referred/);
  });
  it("can be withdrawn by the referrer, back to where it was", () => {
    const f = step(referred(), { type: "WithdrawReferral", reason: "Resolved by phone." }, sam);
    expect(f.status).toBe("Warned");
  });
});

describe("deciding", () => {
  it("only a senior manager (UPC Deciders) may restrict", () => {
    expect(refusal(referred(), restrictEvent(), mo)).toBe(
      "Only a senior manager (UPC Deciders) may decide to restrict a customer's contact under Cumbria Fire and Rescue Service's policy.",
    );
    expect(refusal(referred(), restrictEvent(), scheduler)).toMatch(/Only a senior manager/);
  });
  it("requires every pre-check to be answered, and satisfied", () => {
    const { "decision-right": _, ...fiveOfSix } = ALL_CHECKS;
    expect(refusal(referred(), restrictEvent({ preChecks: fiveOfSix }), dee)).toMatch(/answer each check.*Any decision reached is the right one/);
    expect(refusal(referred(), restrictEvent({ preChecks: { ...ALL_CHECKS, "handled-properly": false } }), dee)).toMatch(
      /cannot be applied while this is not satisfied: Any complaint, enquiry or request has been dealt with properly/,
    );
  });
  it("requires vulnerability to be considered", () => {
    expect(refusal(referred(), restrictEvent({ vulnerabilityConsidered: false }), dee)).toMatch(/vulnerability/);
  });
  it("requires a warning first unless the policy's exception applies, with its reason", () => {
    const unwarned = step(newCaseFile(preset.id), referEvent, sam);
    expect(refusal(unwarned, restrictEvent(), dee)).toMatch(/A warning must be recorded before the policy is applied, unless/);
    expect(refusal(unwarned, restrictEvent({ warningException: { id: "not-an-exception", reason: "x" } }), dee)).toMatch(/warning must be recorded/);
    expect(refusal(unwarned, restrictEvent({ warningException: { id: "staff-safety", reason: " " } }), dee)).toMatch(/reason no warning/);
    const f = step(unwarned, restrictEvent({ warningException: { id: "staff-safety", reason: "Threatened an officer at the station." } }), dee);
    expect(f.status).toBe("Restricted");
    expect(f.warningException).toEqual({ id: "staff-safety", reason: "Threatened an officer at the station." });
  });
  it("requires reasons", () => {
    expect(refusal(referred(), restrictEvent({ reasons: "" }), dee)).toMatch(/Give the reasons/);
  });
  it("refuses a restriction the policy does not provide for, or one that is incomplete", () => {
    expect(refusal(referred(), restrictEvent({ restrictions: [{ params: { kind: "BlockElectronic", includePhone: true } }] }), dee)).toMatch(
      /does not provide for a BlockElectronic restriction/,
    );
    expect(refusal(referred(), restrictEvent({ restrictions: [] }), dee)).toMatch(/at least one restriction/);
    expect(
      refusal(referred(), restrictEvent({ restrictions: [{ params: { kind: "CallSlots", slots: [] } as never }] }), dee),
    ).toMatch(/CallSlots restriction is not complete: Give at least one call slot/);
  });
  it("refuses an outcome the policy does not have", () => {
    expect(refusal(referred(), { type: "Decide", outcome: "Monitor", reasons: "watch them" }, dee)).toMatch(/does not provide for the decision "Monitor"/);
  });
  it("sets the six-month review, owes the letter and the staff notice", () => {
    const r = transition(referred(), restrictEvent(), { preset, actor: dee, now: T0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.reviewDue).toBe(new Date("2027-07-11T22:59:59.999Z").toISOString()); // end of 11 July, BST
    expect(r.file.lettersOwed).toEqual(["Restriction", "StaffNotice"]);
    expect(r.effects).toContainEqual({ type: "OpenReview", kind: "ScheduledReview", dueBy: r.file.reviewDue });
    expect(r.effects.some((x) => x.type === "NotifyStaff")).toBe(true);
  });
  it("declining returns the customer to where they were", () => {
    const f = step(referred(), { type: "Decide", outcome: "Declined", reasons: "Contact is frequent but each matter is new and genuine." }, dee);
    expect(f.status).toBe("Warned");
  });
});

describe("letters", () => {
  it("refuses an incomplete letter, naming what is missing", () => {
    const f = step(referred(), restrictEvent(), dee);
    expect(refusal(f, { type: "LetterSent", kind: "Restriction", elements: ["policyCopy", "why", "what", "howLong"] }, dee)).toBe(
      "The restriction letter is not complete. Cumbria Fire and Rescue Service's policy requires it to include how to challenge or appeal the decision, the date by which to appeal and their right to go to the Ombudsman.",
    );
  });
  it("holds up the next decision until the letter is sent", () => {
    const f = step(referred(), restrictEvent(), dee);
    expect(refusal(f, { type: "Decide", outcome: "Lift", reasons: "Behaviour improved." }, rory)).toMatch(/restriction letter has not been sent/);
  });
  it("cannot be withheld where the policy gives no such option", () => {
    const f = step(referred(), restrictEvent(), dee);
    expect(refusal(f, { type: "LetterWithheld", kind: "Restriction", reason: "Might inflame things" }, dee)).toMatch(/does not allow the restriction letter to be withheld/);
  });
});

describe("appeals", () => {
  const decidedAt = new Date("2027-03-01T11:00:00Z"); // Monday 1 March 2027
  it("is in time on day 14 and out of time on day 15", () => {
    const f = restricted(decidedAt);
    const day14 = new Date("2027-03-15T23:30:00Z");
    const ok = step(f, { type: "AppealLodged", receivedAt: day14.toISOString(), inWriting: true, grounds: "Restriction is unfair." }, sam, day14);
    expect(ok.reviews.find((r) => r.kind === "Appeal")?.dueBy).toBe(new Date("2027-04-12T22:59:59.999Z").toISOString()); // 28 days, BST
    const day15 = new Date("2027-03-16T00:00:01Z");
    expect(refusal(f, { type: "AppealLodged", receivedAt: day15.toISOString(), inWriting: true, grounds: "x" }, sam, day15)).toBe(
      "The appeal is out of time: it had to be received within 14 days of the decision, by 15 March 2027, and it was received on 16 March 2027.",
    );
  });
  it("must be in writing under this policy", () => {
    expect(refusal(restricted(), { type: "AppealLodged", receivedAt: T0.toISOString(), inWriting: false, grounds: "by phone" }, sam)).toMatch(/in writing/);
  });
  it("cannot be heard by anyone who took part in the decision", () => {
    const f = step(referred(), restrictEvent({ jointly: ["remi.reviewer@upc.test"] }), dee);
    let g = step(f, { type: "LetterSent", kind: "Restriction", elements: ["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"] }, dee);
    g = step(g, { type: "AppealLodged", receivedAt: T0.toISOString(), inWriting: true, grounds: "Unfair." }, sam);
    expect(refusal(g, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }, remi)).toMatch(/took part in the decision under appeal/);
    expect(refusal(g, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }, dan)).toMatch(/Only an independent senior manager/);
    expect(step(g, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }, rory).reviews.find((r) => r.kind === "Appeal")?.outcome).toBe("Upheld");
  });
  it("removing the restriction on appeal closes the case and owes nothing the policy does not ask for", () => {
    let f = step(restricted(), { type: "AppealLodged", receivedAt: T0.toISOString(), inWriting: true, grounds: "Unfair." }, sam);
    f = step(f, { type: "AppealDecided", outcome: "Removed", reasons: "Warning was not specific enough." }, rory);
    expect(f.status).toBe("Closed");
    expect(f.restrictions.every((r) => r.state === "Lifted")).toBe(true);
  });
  it("only one appeal is open at once, and only against restrictions", () => {
    const f = step(restricted(), { type: "AppealLodged", receivedAt: T0.toISOString(), inWriting: true, grounds: "Unfair." }, sam);
    expect(refusal(f, { type: "AppealLodged", receivedAt: T0.toISOString(), inWriting: true, grounds: "again" }, sam)).toMatch(/already open/);
    expect(refusal(referred(), { type: "AppealLodged", receivedAt: T0.toISOString(), inWriting: true, grounds: "x" }, sam)).toMatch(/restrictions in force/);
  });
});

describe("reviews, expiry and retention", () => {
  it("the decider cannot review their own decision; an independent reviewer can", () => {
    const f = restricted();
    expect(refusal(f, { type: "ReviewDecided", outcome: "Upheld", reasons: "Still needed." }, { ...dee, roles: ["Reviewer", "Decider"] })).toMatch(/took part in the decision being reviewed/);
    const g = step(f, { type: "ReviewDecided", outcome: "Upheld", reasons: "Still needed." }, rory, new Date("2027-07-01T09:00:00Z"));
    expect(g.reviewDue).toBe(new Date("2028-01-01T23:59:59.999Z").toISOString());
  });
  // 001_de0aff75e8e4f05c.txt 2.2 says "a review will be carried out after a period of 6 months", never that
  // restrictions lapse: with the organisation setting off (the default) the review falls due and waits for a reviewer.
  it("nothing lapses at the review date unless the organisation has chosen it: the review waits for a reviewer", () => {
    const f = restricted();
    expect(refusal(f, { type: "RestrictionExpired" }, scheduler, new Date("2027-07-12T12:00:00Z"))).toBe(
      "Restrictions do not lapse on their own under Cumbria Fire and Rescue Service's policy: the review is due and waits for a reviewer.",
    );
    // Without settings at all, the default is off too.
    const r = transition(f, { type: "RestrictionExpired" }, { preset, actor: scheduler, now: new Date("2027-07-12T12:00:00Z") });
    expect(r.ok).toBe(false);
    // The review is still open and can be decided late.
    expect(f.reviews.filter((x) => x.kind === "ScheduledReview" && x.outcome === null)).toHaveLength(1);
    const reviewed = step(f, { type: "ReviewDecided", outcome: "Upheld", reasons: "Still needed." }, rory, new Date("2027-07-20T09:00:00Z"));
    expect(reviewed.status).toBe("Restricted");
  });
  it("restrictions lapse after their review date when the organisation has chosen it, only by the scheduler or an admin", () => {
    const f = restricted();
    const lapse = { ...DEFAULT_SETTINGS, lapseAtReview: true };
    expect(refusal(f, { type: "RestrictionExpired" }, scheduler, new Date("2027-07-11T12:00:00Z"), lapse)).toMatch(/run until their review on 11 July 2027/);
    expect(refusal(f, { type: "RestrictionExpired" }, sam, new Date("2027-07-12T12:00:00Z"), lapse)).toMatch(/scheduler or an administrator/);
    const g = step(f, { type: "RestrictionExpired" }, scheduler, new Date("2027-07-12T12:00:00Z"), lapse);
    expect(g.status).toBe("Closed");
    expect(g.restrictions.every((r) => r.state === "Expired")).toBe(true);
  });
  it("purging is refused while the policy is silent on retention", () => {
    const g = step(restricted(), { type: "RestrictionExpired" }, scheduler, new Date("2027-07-12T12:00:00Z"), { ...DEFAULT_SETTINGS, lapseAtReview: true });
    expect(refusal(g, { type: "Purge" }, admin, new Date("2040-01-01T00:00:00Z"))).toMatch(/does not say how long records are kept/);
  });
});

describe("robustness", () => {
  it("a malformed event is refused in words, not thrown", () => {
    const r = transition(referred(), { type: "Decide", outcome: "Restrict" } as unknown as WorkflowEvent, { preset, actor: dee, now: T0 });
    expect(r.ok).toBe(false);
  });
  it("names with quotes and Unicode are ordinary data", () => {
    const f = step(referred(), restrictEvent({ restrictions: [{ params: { kind: "NamedOfficer", target: { kind: "Person", upn: "sean.o'brien@upc.test", name: "Seán O'Brien" } } }] }), dee);
    expect(f.restrictions[0].params).toMatchObject({ target: { name: "Seán O'Brien", upn: "sean.o'brien@upc.test" } });
  });
});
