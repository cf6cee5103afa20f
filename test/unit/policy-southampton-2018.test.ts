// Southampton City Council 2018 (002_c47487000f646a0a.txt), clause by clause: local resolution, the CRM's decision, yearly review, appeal, retention.
import { getPreset } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { newCaseFile, transition, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import { dan, dee, mo, remi, rory, sam, scheduler } from "../support/actors";
import { attempt, checks, letter, refusal, walk } from "../support/walk";
import { OTHER_BEHAVIOUR } from "../../shared/presets/other-behaviour";

const p = getPreset("southampton-2018")!;
type Decide = Extract<WorkflowEvent, { type: "Decide" }>;
const DECIDED = "2027-03-08T09:00:00Z";
const referral: WorkflowEvent = { type: "Refer", behaviours: ["scattergun"], serviceArea: "Council Tax", summary: "Same complaint to nine services despite a SPOC.", evidenceContactIds: ["c-1", "c-2"] };
// Dealing: “The behaviour of the customer should then be monitored for a set period.”: the manager sets it here.
const spoc: WorkflowEvent = { type: "LocalResolutionStep", step: "spoc", note: "Named a single point of contact; letter sent.", confirmedInWriting: true, monitorUntil: "2027-02-15" };
const restrict = (over: Partial<Decide> = {}): Decide => ({
  type: "Decide", outcome: "Restrict", reasons: "Scattergun contact continues.", preChecks: checks(p), vulnerabilityConsidered: true,
  restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }], ...over,
});
const referred = (): CaseFile => walk(p, [["2027-01-04T09:00:00Z", mo, spoc], ["2027-03-01T09:00:00Z", mo, referral]]);
const restricted = (): CaseFile => walk(p, [[DECIDED, dee, restrict()], ["2027-03-08T10:00:00Z", dee, letter(p, "Restriction")]], referred());
// The policy states no appeal window or decision time; an administrator sets them (here 28 days each).
const withAppealTerms: Preset = { ...p, appeal: { ...p.appeal, windowDays: { ...p.appeal.windowDays, value: 28 }, decisionDays: { ...p.appeal.decisionDays, value: 28 } } };
const appeal: WorkflowEvent = { type: "AppealLodged", receivedAt: "2027-03-10T09:00:00Z", inWriting: true, grounds: "Letters only is unfair: I cannot write easily." };

describe("southampton-2018", () => {
  it("Scope: formal restrictions can only be imposed by the CRM", () => {
    expect(refusal(p, referred(), [DECIDED, mo, restrict()])).toBe(
      "Only the Complaints Resolution Manager (CRM) (UPC Deciders) may decide to restrict a customer's contact under Southampton City Council (Legal and Business Operations)'s policy.",
    );
    expect(walk(p, [[DECIDED, dee, restrict()]], referred()).decisions[0]).toMatchObject({ outcome: "Restrict", by: "dee.decider@upc.test" });
  });

  it("Dealing: contact explained by genuine ongoing problems is distinguished; the CRM may decline", () => {
    expect(refusal(p, referred(), [DECIDED, dee, restrict({ preChecks: checks(p, ["genuine-need-distinguished"]) })])).toBe(
      "The policy cannot be applied while this is not satisfied: The customer's contact is not explained by genuine ongoing or multiple problems.",
    );
    const declined = walk(p, [[DECIDED, dee, { type: "Decide", outcome: "Declined", reasons: "Genuine ongoing housing problems." }]], referred());
    expect(declined.status).toBe("Observed");
  });

  it("Dealing: the service-area manager must attempt local resolution before referring", () => {
    expect(refusal(p, newCaseFile(p.id), ["2027-03-01T09:00:00Z", mo, referral])).toMatch(
      /^Southampton City Council \(Legal and Business Operations\)'s policy requires local resolution to be tried first \(A single point of contact \(SPOC\); Agreement for weekly\/fortnightly specified contact; A communication style/,
    );
  });

  it("Dealing: a local-resolution communication must be confirmed in writing to be recorded", () => {
    expect(refusal(p, newCaseFile(p.id), ["2027-01-04T09:00:00Z", mo, { ...spoc, confirmedInWriting: false } as WorkflowEvent])).toBe(
      "This policy says local-resolution attempts must be confirmed to the customer in writing. Confirm it in writing, then record it.",
    );
    const file = walk(p, [["2027-01-04T09:00:00Z", mo, spoc]]);
    expect(file.localResolution[0]).toMatchObject({ step: "spoc", confirmedInWriting: true, by: "mo.manager@upc.test", note: "Named a single point of contact; letter sent." });
  });

  it("Dealing: a SPOC, agreed weekly or fortnightly contact, or a communication style are the ways forward", () => {
    expect(p.localResolution.steps.map((s) => s.id)).toEqual(["spoc", "agreed-contact", "communication-style"]);
    expect(refusal(p, newCaseFile(p.id), ["2027-01-04T09:00:00Z", mo, { ...spoc, step: "mediation" } as WorkflowEvent])).toMatch(/^"mediation" is not one of the local-resolution steps in this policy/);
  });

  it("Dealing: only the service-area manager refers to the CRM, with the evidence", () => {
    const tried = walk(p, [["2027-01-04T09:00:00Z", mo, spoc]]);
    expect(refusal(p, tried, ["2027-03-01T09:00:00Z", sam, referral])).toMatch(/^Only the manager for the service area most affected by the behaviour \(UPC Managers\) may refer a case/);
    expect(referred().referral).toMatchObject({ by: "mo.manager@upc.test", evidenceContactIds: ["c-1", "c-2"], serviceArea: "Council Tax" });
  });

  it("Dealing: the referral's behaviour, local resolution, evidence and other departments must each be confirmed", () => {
    for (const id of ["referral-behaviour", "referral-local-resolution", "referral-evidence", "referral-other-departments"]) {
      const label = p.preChecks.items.find((c) => c.id === id)!.label;
      expect(refusal(p, referred(), [DECIDED, dee, restrict({ preChecks: checks(p, [id]) })])).toBe(`The policy cannot be applied while this is not satisfied: ${label}.`);
    }
  });

  it("Dealing: restrictions must be appropriate and proportionate, and from the policy's options", () => {
    expect(refusal(p, referred(), [DECIDED, dee, restrict({ preChecks: checks(p, ["proportionate"]) })])).toMatch(/Any restriction is appropriate and proportionate\.$/);
    const all = restrict({
      restrictions: [
        { params: { kind: "SingleChannel", channel: "Letter" } },
        { params: { kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" }, deputyUpn: "lee.officer@upc.test" } },
        { params: { kind: "CallSlots", slots: [{ day: "Mon", from: "10:00", to: "11:00" }] } },
        { params: { kind: "SeriousOnly" } },
        { params: { kind: "NewIssuesOnly" } },
        { params: { kind: "BlockElectronic", includePhone: true } },
      ],
    });
    expect(walk(p, [[DECIDED, dee, all]], referred()).restrictions).toHaveLength(6);
    expect(refusal(p, referred(), [DECIDED, dee, restrict({ restrictions: [{ params: { kind: "Witness" } }] })])).toBe(
      "Southampton City Council (Legal and Business Operations)'s policy does not provide for a Witness restriction.",
    );
  });

  it("Dealing: the CRM's letter must say what, why, how long and how to appeal before anything else is decided", () => {
    const decided = walk(p, [[DECIDED, dee, restrict()]], referred());
    expect(decided.lettersOwed).toEqual(["Restriction"]);
    expect(refusal(p, decided, ["2027-03-08T10:00:00Z", dee, { type: "LetterSent", kind: "Restriction", elements: ["why", "what", "howLong"] }])).toBe(
      "The restriction letter is not complete. Southampton City Council (Legal and Business Operations)'s policy requires it to include how to challenge or appeal the decision.",
    );
    expect(refusal(p, decided, ["2027-03-08T10:00:00Z", dee, { type: "LetterWithheld", kind: "Restriction", reason: "Would provoke." }])).toMatch(/does not allow the restriction letter to be withheld/);
  });

  it("Review: restrictions are reviewed a year after they are imposed, and yearly after each review", () => {
    const file = restricted();
    expect(file.reviewDue).toBe(new Date("2028-03-08T23:59:59.999Z").toISOString());
    const again = walk(p, [["2028-03-01T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Upheld", reasons: "Still writing to nine services." }]], file);
    expect(again.reviewDue).toBe(new Date("2029-03-01T23:59:59.999Z").toISOString());
    expect(again.lettersOwed).toEqual(["ReviewOutcome"]);
  });

  it("Review: the aim is to remove restrictions as soon as possible: a review may remove them at any time", () => {
    const file = walk(p, [["2027-06-01T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Removed", reasons: "Behaviour has subsided; no likelihood of recurrence." }]], restricted());
    expect(file.status).toBe("Closed");
    expect(file.lettersOwed).toEqual(["ReviewOutcome", "Lifted"]);
  });

  it("Review: an extension needs the customer told the reasons and invited to comment first", () => {
    const file = restricted();
    expect(refusal(p, file, ["2028-03-01T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Extended", reasons: "Behaviour resumed." }])).toBe(
      "This policy requires the customer to be told the reasons and invited to comment before restrictions are extended. Record the invitation first.",
    );
    const extended = walk(p, [
      ["2028-03-01T10:00:00Z", dan, { type: "InviteExtensionComment" }],
      ["2028-03-15T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Extended", reasons: "Behaviour resumed; the customer's comments were considered." }],
    ], file);
    expect(extended.decisions.map((d) => d.outcome)).toEqual(["Restrict", "Extend"]);
    expect(extended.lettersOwed).toEqual(["Extension"]);
  });

  it("Review: new restrictions may be imposed at review, and the letter says what, why, how long and how to appeal", () => {
    const varied = walk(p, [["2028-03-01T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Varied", reasons: "A named officer instead.", restrictions: [{ params: { kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } } }] }]], restricted());
    expect(varied.restrictions.filter((r) => r.state === "Active").map((r) => r.kind)).toEqual(["NamedOfficer"]);
    expect(refusal(p, varied, ["2028-03-01T11:00:00Z", dan, { type: "LetterSent", kind: "ReviewOutcome", elements: ["why", "what"] }])).toMatch(/requires it to include how long it will last and how to challenge or appeal the decision\.$/);
  });

  it("Review: after a review lifts restrictions, the CRM may decide not to write, recording why", () => {
    const lifted = walk(p, [["2028-03-01T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Removed", reasons: "Subsided." }], ["2028-03-01T11:00:00Z", dan, letter(p, "ReviewOutcome")]], restricted());
    expect(refusal(p, lifted, ["2028-03-01T11:00:00Z", dan, { type: "LetterWithheld", kind: "Lifted", reason: "" }])).toBe("Record why no letter is being sent.");
    const file = walk(p, [["2028-03-01T11:00:00Z", dan, { type: "LetterWithheld", kind: "Lifted", reason: "Writing could re-ignite the behaviour (Head of Legal consulted)." }]], lifted);
    expect(file.letters.at(-1)).toMatchObject({ kind: "Lifted", withheldReason: "Writing could re-ignite the behaviour (Head of Legal consulted)." });
    expect(file.lettersOwed).toEqual([]);
  });

  it("Information Retention: records are kept while restrictions last and for 6 years after, then deleted", () => {
    expect(refusal(p, restricted(), ["2034-01-01T10:00:00Z", scheduler, { type: "Purge" }])).toBe("Only closed records can be deleted.");
    const closed = walk(p, [["2029-03-10T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Removed", reasons: "Subsided for a year." }]], restricted());
    expect(refusal(p, closed, ["2035-03-10T11:00:00Z", scheduler, { type: "Purge" }])).toBe("This record must be kept until 10 March 2035.");
    const purged = walk(p, [["2035-03-11T11:00:00Z", scheduler, { type: "Purge" }]], closed);
    expect(purged).toMatchObject({ purged: true, referral: null, letters: [], decisions: [] });
  });

  it("Appeal: no appeal can be recorded until an administrator sets the terms the policy leaves open", () => {
    expect(refusal(p, restricted(), ["2027-03-10T10:00:00Z", sam, appeal])).toBe(
      "Southampton City Council (Legal and Business Operations)'s policy does not say how long the customer has to appeal. An administrator must set it in the policy settings before this step can be taken.",
    );
  });

  it("Appeal: the Service Director or nominated officer confirms, amends or removes the decision", () => {
    const lodged = walk(withAppealTerms, [["2027-03-10T10:00:00Z", sam, appeal]], restricted());
    expect(refusal(withAppealTerms, lodged, ["2027-03-20T10:00:00Z", dan, { type: "AppealDecided", outcome: "Upheld", reasons: "Fine." }])).toMatch(
      /^Only the Service Director, Legal & Business Operations \(or nominated officer\) \(UPC Reviewers\) may decide an appeal/,
    );
    const amended = walk(withAppealTerms, [["2027-03-20T10:00:00Z", rory, { type: "AppealDecided", outcome: "Varied", reasons: "Letters or e-mail, to suit the customer's needs.", restrictions: [{ params: { kind: "SingleChannel", channel: "Email" } }] }]], lodged);
    expect(amended.restrictions.filter((r) => r.state === "Active").map((r) => r.params)).toEqual([{ kind: "SingleChannel", channel: "Email" }]);
    const removed = walk(withAppealTerms, [["2027-03-20T10:00:00Z", rory, { type: "AppealDecided", outcome: "Removed", reasons: "Not proportionate." }]], lodged);
    expect(removed.status).toBe("Closed");
  });

  it("Appeal: in all cases the council writes with the result and what changed", () => {
    const lodged = walk(withAppealTerms, [["2027-03-10T10:00:00Z", sam, appeal]], restricted());
    const r = attempt(withAppealTerms, lodged, ["2027-03-20T10:00:00Z", rory, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }]);
    expect(r.ok && r.file.lettersOwed).toEqual(["AppealOutcome"]);
    const upheld = walk(withAppealTerms, [["2027-03-20T10:00:00Z", rory, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." }]], lodged);
    expect(refusal(withAppealTerms, upheld, ["2027-03-20T11:00:00Z", rory, { type: "LetterSent", kind: "AppealOutcome", elements: [] }])).toBe(
      "The appealoutcome letter is not complete. Southampton City Council (Legal and Business Operations)'s policy requires it to include what has changed as a result.",
    );
    expect(refusal(withAppealTerms, upheld, ["2027-03-20T11:00:00Z", rory, { type: "LetterWithheld", kind: "AppealOutcome", reason: "No need." }])).toMatch(/must be sent\.$/);
  });
});

describe("southampton-2018: offices and behaviours outside the list", () => {
  it("Appeal: once an administrator names who holds the office of the Service Director or nominated officer, a reviewer not named is refused and a holder decides", () => {
    const lodged = walk(withAppealTerms, [["2027-03-10T10:00:00Z", sam, appeal]], restricted());
    const offices = { mapped: ["service-director"], holders: {} };
    const now = new Date("2027-03-20T10:00:00Z");
    const decide: WorkflowEvent = { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate." };
    const byReviewer = transition(lodged, decide, { preset: withAppealTerms, actor: { ...rory, offices: [] }, now, offices });
    expect(byReviewer).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only the Service Director, Legal & Business Operations \(or nominated officer\) may .+, and you are not named as/) });
    const byHolder = transition(lodged, decide, { preset: withAppealTerms, actor: { ...remi, offices: ["service-director"] }, now, offices });
    expect(byHolder.ok).toBe(true);
  });

  it("Review: not writing after a review is decided by the CRM in consultation with the Head of Service, Legal Services Partnership, who must be named", () => {
    const lifted = walk(p, [["2028-03-01T10:00:00Z", dan, { type: "ReviewDecided", outcome: "Removed", reasons: "Subsided." }], ["2028-03-01T11:00:00Z", dan, letter(p, "ReviewOutcome")]], restricted());
    const offices = { mapped: ["complaints-resolution-manager", "head-of-legal"], holders: { "lee.legal@upc.test": ["head-of-legal"] } };
    const now = new Date("2028-03-01T11:30:00Z");
    const crm = { ...dan, offices: ["complaints-resolution-manager"] };
    const withhold = { type: "LetterWithheld", kind: "Lifted", reason: "Writing could re-ignite the behaviour." } as WorkflowEvent;
    expect(transition(lifted, withhold, { preset: p, actor: crm, now, offices })).toMatchObject({ ok: false, reason: expect.stringMatching(/consults the Head of Service, Legal Services Partnership on this: name who was consulted\.$/) });
    expect(transition(lifted, withhold, { preset: p, actor: { ...dee, offices: [] }, now, offices })).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only the Complaints Resolution Manager \(CRM\) may /) });
    const r = transition(lifted, { ...withhold, participants: [{ office: "head-of-legal", upn: "lee.legal@upc.test" }] } as WorkflowEvent, { preset: p, actor: crm, now, offices });
    expect(r.ok && r.file.letters.at(-1)).toMatchObject({ kind: "Lifted", withheldReason: "Writing could re-ignite the behaviour." });
  });

  it("Examples: the list is not exhaustive, so a referral may name “Other” and must describe it", () => {
    const tried = walk(p, [["2027-01-04T09:00:00Z", mo, spoc]]);
    const other = { ...referral, behaviours: [OTHER_BEHAVIOUR], otherBehaviour: "Leaves voicemails pretending to be a solicitor" } as WorkflowEvent;
    expect(walk(p, [["2027-03-01T09:00:00Z", mo, other]], tried).referral).toMatchObject({ behaviours: [OTHER_BEHAVIOUR], otherBehaviour: "Leaves voicemails pretending to be a solicitor" });
    expect(refusal(p, tried, ["2027-03-01T09:00:00Z", mo, { ...referral, behaviours: [OTHER_BEHAVIOUR] } as WorkflowEvent])).toBe("Describe the behaviour you ticked as “Other”.");
  });
});
