// Hampshire SENDIASS (003_f99db5e613e66c3b.txt), clause by clause: local resolution by the worker or manager, then blocking in extreme cases.
import { getPreset } from "../../shared/presets/registry";
import { newCaseFile, transition, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import { admin, dee, mo, sam } from "../support/actors";
import { checks, letter, refusal, walk } from "../support/walk";
import { OTHER_BEHAVIOUR } from "../../shared/presets/other-behaviour";

const p = getPreset("hampshire-sendiass")!;
type Decide = Extract<WorkflowEvent, { type: "Decide" }>;
const DECIDED = "2027-02-02T09:00:00Z";
const step = (id: string): WorkflowEvent => ({ type: "LocalResolutionStep", step: id, note: "Explained our concerns and suggested a way forward.", confirmedInWriting: false });
const referral: WorkflowEvent = { type: "Refer", behaviours: ["excessive-demands"], serviceArea: "SENDIASS", summary: "Weekly call agreed; still many e-mails a day." };
const block = (over: Partial<Decide> = {}): Decide => ({
  type: "Decide", outcome: "Restrict", reasons: "Extreme case: e-mails many times a day after an agreed weekly call.", preChecks: checks(p), vulnerabilityConsidered: true,
  restrictions: [{ params: { kind: "BlockElectronic", includePhone: false }, endsAt: "2027-05-02T00:00:00Z" }], ...over,
});
const referred = (): CaseFile => walk(p, [["2027-01-04T09:00:00Z", mo, step("agreed-frequency")], ["2027-02-01T09:00:00Z", sam, referral]]);

describe("hampshire-sendiass", () => {
  it("Dealing: contact explained by genuine, ongoing or multiple problems is distinguished; the referral may be declined", () => {
    expect(refusal(p, referred(), [DECIDED, mo, block({ preChecks: checks(p, ["genuine-need-distinguished"]) })])).toBe(
      "The policy cannot be applied while this is not satisfied: The customer's contact is not explained by genuine, ongoing or multiple problems.",
    );
    expect(walk(p, [[DECIDED, mo, { type: "Decide", outcome: "Declined", reasons: "Repeated contact is expected at tribunal stage." }]], referred()).status).toBe("Observed");
  });

  it("Dealing: the support worker or manager attempts resolution by communication before anything else", () => {
    expect(refusal(p, newCaseFile(p.id), ["2027-02-01T09:00:00Z", sam, referral])).toMatch(/^Hampshire SENDIASS's policy requires local resolution to be tried first \(Requesting a change in communication; /);
    expect(refusal(p, newCaseFile(p.id), ["2027-01-04T09:00:00Z", sam, step("spoc")])).toMatch(/^Only a manager \(UPC Managers or UPC Deciders\) may record a local-resolution attempt/);
  });

  it("Dealing: each way forward the policy lists can be recorded, and no other", () => {
    const ids = ["change-of-communication", "spoc", "agreed-frequency", "inappropriate-style-named", "ignore-unless-open-enquiry", "new-issues-only", "other-resolution"];
    const file = walk(p, ids.map((id, i) => [`2027-01-0${i + 1}T09:00:00Z`, mo, step(id)] as [string, typeof mo, WorkflowEvent]));
    expect(file.localResolution.map((s) => s.step)).toEqual(ids);
    expect(file.localResolution[0]).toMatchObject({ by: "mo.manager@upc.test", note: "Explained our concerns and suggested a way forward." });
    expect(refusal(p, newCaseFile(p.id), ["2027-01-04T09:00:00Z", mo, step("mediation")])).toMatch(/^"mediation" is not one of the local-resolution steps in this policy/);
  });

  it("Dealing: blocking needs resolution attempted and the communication unchanged", () => {
    expect(refusal(p, referred(), [DECIDED, mo, block({ preChecks: checks(p, ["communication-unchanged"]) })])).toBe(
      "The policy cannot be applied while this is not satisfied: Resolution has been attempted but the customer's communication has not changed.",
    );
  });

  it("Dealing: in extreme cases the support worker or manager may block telephone and electronic contact, and nothing else", () => {
    const file = walk(p, [[DECIDED, mo, block()]], referred());
    expect(file.status).toBe("Restricted");
    expect(file.restrictions.map((r) => r.params)).toEqual([{ kind: "BlockElectronic", includePhone: false }]);
    expect(refusal(p, referred(), [DECIDED, sam, block()])).toMatch(/^Only the support worker or manager \(UPC Managers or UPC Deciders\) may decide to restrict/);
    expect(refusal(p, referred(), [DECIDED, mo, block({ restrictions: [{ params: { kind: "SingleChannel", channel: "Phone" } }] })])).toBe(
      "Hampshire SENDIASS's policy does not provide for a SingleChannel restriction.",
    );
  });

  it("Dealing: the policy gives no review, so a block needs an end date until an administrator sets a review interval", () => {
    expect(refusal(p, referred(), [DECIDED, mo, block({ restrictions: [{ params: { kind: "BlockElectronic", includePhone: true } }] })])).toBe(
      "Hampshire SENDIASS's policy does not say when restrictions are reviewed. Give each restriction an end date, or an administrator must set the review interval.",
    );
    const file = walk(p, [[DECIDED, mo, block()], ["2027-02-02T10:00:00Z", mo, letter(p, "Restriction")], ["2027-05-03T00:00:00Z", admin, { type: "RestrictionExpired" }]], referred());
    expect(file.status).toBe("Closed");
    expect(file.restrictions[0].state).toBe("Expired");
  });

  it("Complaints: a challenge goes to the complaint policy, whose time limits an administrator must set first", () => {
    const blocked = walk(p, [[DECIDED, mo, block()], ["2027-02-02T10:00:00Z", dee, letter(p, "Restriction")]], referred());
    expect(refusal(p, blocked, ["2027-02-05T09:00:00Z", sam, { type: "AppealLodged", receivedAt: "2027-02-05T08:00:00Z", inWriting: true, grounds: "Unfair." }])).toBe(
      "Hampshire SENDIASS's policy does not say how long the customer has to appeal. An administrator must set it in the policy settings before this step can be taken.",
    );
  });
});

describe("hampshire-sendiass: offices and behaviours outside the list", () => {
  it("Dealing: once an administrator names who holds the office of the support worker or manager, anyone else is refused and a holder may block", () => {
    const offices = { mapped: ["support-worker-or-manager"], holders: {} };
    const now = new Date(DECIDED);
    const byDecider = transition(referred(), block(), { preset: p, actor: { ...dee, offices: [] }, now, offices });
    expect(byDecider).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only the support worker or manager may .+, and you are not named as the support worker or manager\./) });
    const byHolder = transition(referred(), block(), { preset: p, actor: { ...mo, offices: ["support-worker-or-manager"] }, now, offices });
    expect(byHolder.ok).toBe(true);
  });

  it("Examples: the list is not exhaustive, so a referral may name “Other” and must describe it", () => {
    const tried = walk(p, [["2027-01-04T09:00:00Z", mo, step("agreed-frequency")]]);
    const other: WorkflowEvent = { ...referral, behaviours: [OTHER_BEHAVIOUR], otherBehaviour: "Posts the adviser's advice on social media, edited" } as WorkflowEvent;
    expect(walk(p, [["2027-02-01T09:00:00Z", sam, other]], tried).referral).toMatchObject({ behaviours: [OTHER_BEHAVIOUR], otherBehaviour: "Posts the adviser's advice on social media, edited" });
    expect(refusal(p, tried, ["2027-02-01T09:00:00Z", sam, { ...referral, behaviours: [OTHER_BEHAVIOUR] } as WorkflowEvent])).toBe("Describe the behaviour you ticked as “Other”.");
  });
});
