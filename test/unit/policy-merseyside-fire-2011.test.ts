// Merseyside Fire & Rescue 2011 (000_15ef6c37defcaa2d.txt), clause by clause: what the workflow does for each obligation.
import { CUSTOMER_KINDS } from "../../shared/domain/vocab";
import { getPreset, missingSettings } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { newCaseFile, transition, type WorkflowEvent } from "../../shared/workflow";
import { dan, dee, mo, sam } from "../support/actors";
import { checks, refusal, walk } from "../support/walk";

const p = getPreset("merseyside-fire-2011")!;
// The policy leaves restriction options and the review interval to its Service Instruction; an admin sets them.
const configured: Preset = { ...p, restrictions: { ...p.restrictions, kinds: ["SingleChannel"] }, reviewIntervalMonths: { ...p.reviewIntervalMonths, value: 12 } };
const refer: WorkflowEvent = { type: "Refer", behaviours: ["resource-intensive"], serviceArea: "Community Safety", summary: "Forty calls a week to the station." };
const restrict = (over: Partial<Extract<WorkflowEvent, { type: "Decide" }>> = {}): WorkflowEvent => ({
  type: "Decide", outcome: "Restrict", reasons: "Last resort after a personal meeting.", preChecks: checks(p), vulnerabilityConsidered: true,
  restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }], ...over,
});
const referred = () => walk(configured, [["2027-01-04T09:00:00Z", sam, refer]]);

describe("merseyside-fire-2011", () => {
  it("Introduction: a customer may be an individual, a group of individuals or an organisation", () => {
    expect(CUSTOMER_KINDS).toEqual(["Individual", "Group", "Organisation"]);
  });

  it("Introduction: the decision rests on evidence, not anecdote, or it is refused", () => {
    const reason = refusal(configured, referred(), ["2027-01-05T09:00:00Z", dee, restrict({ preChecks: checks(p, ["evidence-not-anecdote"]) })]);
    expect(reason).toBe("The policy cannot be applied while this is not satisfied: The decision rests on evidence rather than anecdotal information.");
  });

  it("Introduction; Aims: only as a last resort, when all avenues are exhausted", () => {
    const reason = refusal(configured, referred(), ["2027-01-05T09:00:00Z", dee, restrict({ preChecks: checks(p, ["last-resort"]) })]);
    expect(reason).toMatch(/cannot be applied while this is not satisfied: All avenues and options have been exhausted/);
  });

  it("Introduction; Definitions: vulnerability must be recorded as considered before a decision", () => {
    const reason = refusal(configured, referred(), ["2027-01-05T09:00:00Z", dee, restrict({ vulnerabilityConsidered: false })]);
    expect(reason).toMatch(/^Record that the customer's vulnerability, health and support needs .* have been considered\.$/);
  });

  it("Aims: the Service Instruction is implemented only with a Director's authorisation", () => {
    const reason = refusal(configured, referred(), ["2027-01-05T09:00:00Z", mo, restrict()]);
    expect(reason).toBe("Only a Director (UPC Deciders) may decide to restrict a customer's contact under Merseyside Fire & Rescue Service's policy.");
    const file = walk(configured, [["2027-01-05T09:00:00Z", dee, restrict()]], referred());
    expect(file.status).toBe("Restricted");
    expect(file.decisions[0]).toMatchObject({ outcome: "Restrict", by: "dee.decider@upc.test" });
  });

  it("Aims: judgment and discretion: a Director may decline the referral, and the customer returns to where they were", () => {
    const file = walk(configured, [["2027-01-05T09:00:00Z", dee, { type: "Decide", outcome: "Declined", reasons: "Contact is explained by a genuine ongoing problem." }]], referred());
    expect(file.status).toBe("Observed");
    expect(file.decisions.map((d) => d.outcome)).toEqual(["Declined"]);
  });

  it("Definitions: four definitions are the behaviours a referral may name, and no others", () => {
    expect(p.behaviours.items.map((b) => b.label)).toEqual(["Vexatious complainer", "Persistent complainer", "Resource intensive customer", "Abusive customer"]);
    expect(refusal(p, newCaseFile(p.id), ["2027-01-04T09:00:00Z", sam, { ...refer, behaviours: ["rude"] } as WorkflowEvent])).toBe("These behaviours are not in this policy: rude.");
  });

  it("Definitions: the workload's harm to the service area must be evidenced; the referral records the service area", () => {
    const file = referred();
    expect(file.referral).toMatchObject({ serviceArea: "Community Safety", by: "sam.officer@upc.test" });
    const reason = refusal(configured, file, ["2027-01-05T09:00:00Z", dee, restrict({ preChecks: checks(p, ["workload-evidenced"]) })]);
    expect(reason).toMatch(/Evidence shows the customer's workload is harming the service area/);
  });

  it("Definitions: staff try to resolve matters by meeting the customer first, or the decision is refused", () => {
    const reason = refusal(configured, referred(), ["2027-01-05T09:00:00Z", dee, restrict({ preChecks: checks(p, ["meeting-held"]) })]);
    expect(reason).toMatch(/Staff have tried to resolve matters by meeting personally with the customer or their advocates/);
  });

  it("Definitions: the support being provided or that can be offered must be identified", () => {
    const reason = refusal(configured, referred(), ["2027-01-05T09:00:00Z", dee, restrict({ preChecks: checks(p, ["vulnerability-assessed"]) })]);
    expect(reason).toMatch(/the support provided or that can be offered identified/);
  });

  it("Definitions: the customer must have had the chance to explain, and the behaviour not modified, before the procedure begins", () => {
    const unanswered = { ...checks(p) } as Record<string, boolean>;
    delete unanswered["customer-explained"];
    expect(refusal(configured, referred(), ["2027-01-05T09:00:00Z", dee, restrict({ preChecks: unanswered })])).toMatch(
      /^Before deciding, answer each check the policy requires: The customer has been given the opportunity to explain their feelings/,
    );
    expect(refusal(configured, referred(), ["2027-01-05T09:00:00Z", dee, restrict({ preChecks: checks(p, ["behaviour-not-modified"]) })])).toMatch(
      /That approach has failed and the customer's behaviour has not modified/,
    );
  });

  it("Introduction: what the Service Instruction details is left to an administrator, and steps wait for it in words", () => {
    expect(missingSettings(p).map((m) => m.path)).toEqual(
      expect.arrayContaining(["restrictions.kinds", "reviewIntervalMonths", "reviewer", "appeal.available", "retentionYearsAfterEnd", "reportsPerServiceArea"]),
    );
    expect(refusal(p, walk(p, [["2027-01-04T09:00:00Z", sam, refer]]), ["2027-01-05T09:00:00Z", dee, restrict()])).toBe(
      "Merseyside Fire & Rescue Service's policy does not provide for a SingleChannel restriction.",
    );
  });
});

describe("merseyside-fire-2011: the office of a Director", () => {
  it("Aims: once an administrator names who holds the office of a Director, a decider not named is refused and a named Director may authorise", () => {
    const offices = { mapped: ["director"], holders: {} };
    const now = new Date("2027-01-05T09:00:00Z");
    const byDecider = transition(referred(), restrict(), { preset: configured, actor: { ...dan, offices: [] }, now, offices });
    expect(byDecider).toMatchObject({ ok: false, reason: expect.stringMatching(/^Only a Director may .+, and you are not named as a Director\. An administrator names who holds each office/) });
    const byDirector = transition(referred(), restrict(), { preset: configured, actor: { ...dee, offices: ["director"] }, now, offices });
    expect(byDirector.ok).toBe(true);
  });
});
