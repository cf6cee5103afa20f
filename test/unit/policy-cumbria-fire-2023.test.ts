// Cumbria Fire and Rescue 2023 (001_de0aff75e8e4f05c.txt), clause by clause: what the workflow does for each obligation in 2.2 The Process.
import { getPreset } from "../../shared/presets/registry";
import { transition, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import { dan, dee, mo, remi, rory, sam } from "../support/actors";
import { attempt, checks, letter, refusal, walk } from "../support/walk";

const p = getPreset("cumbria-fire-2023")!;
const DECIDED = "2027-02-10T09:00:00Z";
type Decide = Extract<WorkflowEvent, { type: "Decide" }>;
const kim = { kind: "Person" as const, upn: "kim.officer@upc.test", name: "Kim Officer" };
const restrict = (over: Partial<Decide> = {}): Decide => ({
  type: "Decide", outcome: "Restrict", reasons: "Volume continues after a written warning.", preChecks: checks(p), vulnerabilityConsidered: true,
  restrictions: [{ params: { kind: "NamedOfficer", target: kim } }, { params: { kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }] } }], ...over,
});
const warnedAndReferred = (): CaseFile =>
  walk(p, [
    ["2027-02-01T09:00:00Z", mo, { type: "Warn", level: "Formal", note: "Letter naming the volume of calls, with examples." }],
    ["2027-02-08T09:00:00Z", sam, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Prevention", summary: "Thirty calls in a week." }],
  ]);
const restricted = (): CaseFile =>
  walk(p, [[DECIDED, dee, restrict()], ["2027-02-10T11:00:00Z", dee, letter(p, "Restriction")], ["2027-02-10T11:05:00Z", dee, letter(p, "StaffNotice")]], warnedAndReferred());
const appeal = (receivedAt: string, inWriting = true): WorkflowEvent => ({ type: "AppealLodged", receivedAt, inWriting, grounds: "The call slot clashes with my work." });

describe("cumbria-fire-2023", () => {
  it("§2.2 any member of staff who experiences the behaviour may refer the customer", () => {
    const file = walk(p, [["2027-02-08T09:00:00Z", sam, { type: "Refer", behaviours: ["scattergun"], serviceArea: "Prevention", summary: "Same request to the MP and six officers." }]]);
    expect(file.status).toBe("Referred");
    expect(file.referral).toMatchObject({ by: "sam.officer@upc.test", behaviours: ["scattergun"] });
  });

  it("§2.2 each point the Service must be satisfied of refuses the decision until answered yes", () => {
    for (const c of p.preChecks.items) {
      expect(refusal(p, warnedAndReferred(), [DECIDED, dee, restrict({ preChecks: checks(p, [c.id]) })])).toBe(
        `The policy cannot be applied while this is not satisfied: ${c.label}.`,
      );
    }
    expect(p.preChecks.items).toHaveLength(6);
  });

  it("§2.2 the customer's support and reasonable adjustments must be recorded as considered before the decision", () => {
    expect(refusal(p, warnedAndReferred(), [DECIDED, dee, restrict({ vulnerabilityConsidered: false })])).toMatch(/including reasonable adjustments\) have been considered/);
  });

  it("§2.2 a meeting, a cross-service key officer or an advocate may be recorded, but a referral does not wait for them", () => {
    const file = walk(p, [
      ["2027-02-01T09:00:00Z", mo, { type: "LocalResolutionStep", step: "meeting-offered", note: "Offered a meeting at the station; declined.", confirmedInWriting: false }],
      ["2027-02-02T09:00:00Z", mo, { type: "LocalResolutionStep", step: "cross-service-key-officer", note: "Kim Officer co-ordinates Prevention and Protection.", confirmedInWriting: false }],
    ]);
    expect(file.localResolution.map((s) => s.step)).toEqual(["meeting-offered", "cross-service-key-officer"]);
    expect(walk(p, [["2027-02-08T09:00:00Z", sam, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Prevention", summary: "Calls." }]]).status).toBe("Referred");
  });

  it("§2.2 a warning must be recorded first, or the decision is refused", () => {
    const unwarned = walk(p, [["2027-02-08T09:00:00Z", sam, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Prevention", summary: "Calls." }]]);
    expect(refusal(p, unwarned, [DECIDED, dee, restrict()])).toMatch(/^A warning must be recorded before the policy is applied, unless police involvement or legal action, where behaviour considered to be harassment/);
    expect(warnedAndReferred().warnings[0]).toMatchObject({ level: "Formal", by: "mo.manager@upc.test" });
  });

  it("§2.2 without a warning, the decider must name a permitted exception and give its reason", () => {
    const unwarned = walk(p, [["2027-02-08T09:00:00Z", sam, { type: "Refer", behaviours: ["abusive-offensive-threatening"], serviceArea: "Prevention", summary: "Threats to a crew." }]]);
    expect(refusal(p, unwarned, [DECIDED, dee, restrict({ warningException: { id: "staff-safety", reason: " " } })])).toBe("Give the reason no warning was given.");
    const file = walk(p, [[DECIDED, dee, restrict({ warningException: { id: "staff-safety", reason: "Threats to a crew member; police informed." } })]], unwarned);
    expect(file.status).toBe("Restricted");
    expect(file.warningException).toMatchObject({ id: "staff-safety" });
  });

  it("§2.2 only a senior manager may invoke the policy and apply sanctions, with reasons", () => {
    expect(refusal(p, warnedAndReferred(), [DECIDED, mo, restrict()])).toBe(
      "Only a senior manager (UPC Deciders) may decide to restrict a customer's contact under Cumbria Fire and Rescue Service's policy.",
    );
    expect(refusal(p, warnedAndReferred(), [DECIDED, dee, restrict({ reasons: "" })])).toMatch(/^Give the reasons for this decision/);
  });

  it("§2.2 one or a mix of the policy's options may be chosen, and no other", () => {
    const mix = restrict({
      restrictions: [
        { params: { kind: "CallLength", maxMinutes: 10 } },
        { params: { kind: "ContactQuota", max: 1, per: "Week", channel: "Phone" } },
        { params: { kind: "SingleChannel", channel: "Letter" } },
        { params: { kind: "Witness" } },
        { params: { kind: "NoSameMatter", matterRefs: ["CFRS-2026-114"] } },
        { params: { kind: "PremisesAccess", premises: "Penrith fire station" } },
      ],
    });
    expect(walk(p, [[DECIDED, dee, mix]], warnedAndReferred()).restrictions.map((r) => r.kind)).toEqual(["CallLength", "ContactQuota", "SingleChannel", "Witness", "NoSameMatter", "PremisesAccess"]);
    expect(refusal(p, warnedAndReferred(), [DECIDED, dee, restrict({ restrictions: [{ params: { kind: "NoContact" }, endsAt: "2027-06-01T00:00:00Z" }] })])).toBe(
      "Cumbria Fire and Rescue Service's policy does not provide for a NoContact restriction.",
    );
  });

  it("§2.2 the decision letter is refused until it sends the policy and says why, what, how long, how to challenge and the Ombudsman", () => {
    const decided = walk(p, [[DECIDED, dee, restrict()]], warnedAndReferred());
    expect(decided.lettersOwed).toEqual(["Restriction", "StaffNotice"]);
    const full = p.letters.find((l) => l.kind === "Restriction")!.elements;
    expect(full).toEqual(["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"]);
    for (const missing of full) {
      const reason = refusal(p, decided, ["2027-02-10T11:00:00Z", dee, { type: "LetterSent", kind: "Restriction", elements: full.filter((x) => x !== missing) }]);
      expect(reason).toMatch(/^The restriction letter is not complete\. Cumbria Fire and Rescue Service's policy requires it to include /);
    }
    // Until it goes, nothing else can be decided.
    expect(refusal(p, decided, ["2027-02-11T09:00:00Z", rory, { type: "Decide", outcome: "Lift", reasons: "Changed our mind." }])).toMatch(/letter has not been sent yet/);
  });

  it("§2.2 the senior manager's notice to appropriate staff and managers is owed when restrictions are applied", () => {
    const r = attempt(p, warnedAndReferred(), [DECIDED, dee, restrict()]);
    expect(r.ok && r.effects).toContainEqual(expect.objectContaining({ type: "NotifyStaff", event: "Restricted", recipients: ["appropriate staff and managers"] }));
    expect(r.ok && r.file.lettersOwed).toContain("StaffNotice");
  });

  it("§2.2 a review is due 6 months after the policy is applied", () => {
    const file = restricted();
    expect(file.reviewDue).toBe(new Date("2027-08-10T22:59:59.999Z").toISOString());
    expect(file.reviews.find((r) => r.kind === "ScheduledReview")).toMatchObject({ outcome: null, dueBy: file.reviewDue });
  });

  it("§2.2 a request for review must be in writing", () => {
    expect(refusal(p, restricted(), ["2027-02-12T09:00:00Z", sam, appeal("2027-02-12T08:00:00Z", false)])).toBe(
      "This policy requires an appeal to be made in writing, setting out the reasons. Ask the customer to put it in writing.",
    );
  });

  it("§2.2 a request for review received after 14 days is refused as out of time", () => {
    expect(walk(p, [["2027-02-25T09:00:00Z", sam, appeal("2027-02-24T20:00:00Z")]], restricted()).reviews.some((r) => r.kind === "Appeal")).toBe(true);
    expect(refusal(p, restricted(), ["2027-02-26T09:00:00Z", sam, appeal("2027-02-25T00:00:01Z")])).toBe(
      "The appeal is out of time: it had to be received within 14 days of the decision, by 24 February 2027, and it was received on 25 February 2027.",
    );
  });

  it("§2.2 a request for review is due to be decided within 28 days of receipt, and a late decision is noted", () => {
    const lodged = walk(p, [["2027-02-20T09:00:00Z", sam, appeal("2027-02-19T10:00:00Z")]], restricted());
    expect(lodged.reviews.find((r) => r.kind === "Appeal")!.dueBy).toBe(new Date("2027-03-19T23:59:59.999Z").toISOString());
    const late = attempt(p, lodged, ["2027-03-22T09:00:00Z", rory, { type: "AppealDecided", outcome: "Upheld", reasons: "Proportionate to thirty calls a week." }]);
    expect(late.ok && late.effects).toContainEqual({ type: "Note", message: "Decided after the deadline of 19 March 2027." });
    expect(late.ok && late.file.reviews.find((r) => r.kind === "Appeal")).toMatchObject({ late: true, by: "rory.reviewer@upc.test" });
  });

  it("§2.2 reviews are carried out by an independent senior manager, never one who took part in the decision", () => {
    const lodged = walk(p, [["2027-02-20T09:00:00Z", sam, appeal("2027-02-19T10:00:00Z")]], restricted());
    expect(refusal(p, lodged, ["2027-03-01T09:00:00Z", dee, { type: "AppealDecided", outcome: "Upheld", reasons: "Fine." }])).toMatch(/^Only an independent senior manager \(UPC Reviewers\) may decide an appeal/);
    expect(refusal(p, lodged, ["2027-03-01T09:00:00Z", { ...dee, roles: [...dee.roles, "Reviewer"] }, { type: "AppealDecided", outcome: "Upheld", reasons: "Fine." }])).toBe(
      "You took part in the decision under appeal, or in a decision on it since (a variation, an extension or a review), so you cannot hear the appeal: it must go to someone independent of all of them.",
    );
    expect(refusal(p, restricted(), ["2027-08-09T09:00:00Z", { ...dee, roles: [...dee.roles, "Reviewer"] }, { type: "ReviewDecided", outcome: "Upheld", reasons: "Keep." }])).toMatch(/cannot carry out the review/);
    expect(walk(p, [["2027-08-09T09:00:00Z", remi, { type: "ReviewDecided", outcome: "Upheld", reasons: "Contact within the slot." }]], restricted()).reviewDue).toBe(new Date("2028-02-09T23:59:59.999Z").toISOString());
  });

  it("§2.2 the independent senior manager may remove restrictions at the 6-month review, closing the case", () => {
    const file = walk(p, [["2027-08-09T09:00:00Z", rory, { type: "ReviewDecided", outcome: "Removed", reasons: "No calls outside the slot for six months." }]], restricted());
    expect(file.status).toBe("Closed");
    expect(file.restrictions.every((r) => r.state === "Lifted")).toBe(true);
  });

  it("§2.2 whenever the policy is applied, contacts and letters are recorded on the case", () => {
    const file = walk(p, [["2027-02-12T09:00:00Z", sam, { type: "LogContact" }]], restricted());
    expect(file.contactsLogged).toBe(1);
    expect(file.letters.map((l) => [l.kind, l.by])).toEqual([["Restriction", "dee.decider@upc.test"], ["StaffNotice", "dee.decider@upc.test"]]);
    expect(file.referral).toMatchObject({ summary: "Thirty calls in a week.", serviceArea: "Prevention" });
  });

  it("Introduction: an emergency (999) and statutory requests are listed as never limited", () => {
    expect(p.neverLimits.items).toEqual(["Emergency calls (999)", "Freedom of Information requests", "Environmental Information Regulations requests", "Subject access requests"]);
  });
});

describe("cumbria-fire-2023: the office of a senior manager", () => {
  it("§2.2 once an administrator names who holds the office of a senior manager, a decider not named is refused and a named senior manager may invoke the policy", () => {
    const offices = { mapped: ["senior-manager"], holders: {} };
    const now = new Date(DECIDED);
    const byDecider = transition(warnedAndReferred(), restrict(), { preset: p, actor: { ...dan, offices: [] }, now, offices });
    expect(byDecider).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only a senior manager may .+, and you are not named as a senior manager\. An administrator names who holds each office/) });
    const bySenior = transition(warnedAndReferred(), restrict(), { preset: p, actor: { ...dee, offices: ["senior-manager"] }, now, offices });
    expect(bySenior.ok).toBe(true);
  });
});
