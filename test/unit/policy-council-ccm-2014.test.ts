// The council's Customer Case Management Policy 2014 (004_4a3366f45c554bec.txt), clause by clause: joint decision, monitoring, then the Chief Executive's sanctions.
import { getPreset } from "../../shared/presets/registry";
import { newCaseFile, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import { dan, dee, mo, sam } from "../support/actors";
import { attempt, checks, letter, refusal, walk } from "../support/walk";
import { OTHER_BEHAVIOUR } from "../../shared/presets/other-behaviour";

const p = getPreset("council-ccm-2014")!;
type Decide = Extract<WorkflowEvent, { type: "Decide" }>;
const NOTIFIED = ["the Chief Executive", "Executive Directors", "Heads of Service", "Business Managers", "Elected Members"];
// §6 leaves the Chief Executive, who decided the sanction, out of the sanction notice.
const SANCTION_NOTIFIED = ["Executive Directors", "Heads of Service", "Business Managers", "Elected Members"];
const notice = (event: string, recipients: string[]) => expect.objectContaining({ type: "NotifyStaff", event, recipients });
const referral: WorkflowEvent = { type: "Refer", behaviours: ["unreasonably-persistent"], serviceArea: "Planning", summary: "Daily e-mails to twelve officers about one application." };
const monitor = (over: Partial<Decide> = {}): Decide => ({
  type: "Decide", outcome: "Monitor", reasons: "Volume is hindering service to others.", preChecks: checks(p), vulnerabilityConsidered: true,
  jointly: ["mo.manager@upc.test", "ed.resources@upc.test"], ...over,
});
const referred = (): CaseFile => walk(p, [["2027-01-04T09:00:00Z", sam, referral]]);
const monitoring = (): CaseFile =>
  walk(p, [["2027-01-05T09:00:00Z", dee, monitor()], ["2027-01-05T10:00:00Z", dee, letter(p, "Monitoring")], ["2027-01-05T10:05:00Z", dee, letter(p, "StaffNotice")]], referred());
const unacceptable = (): CaseFile =>
  walk(p, [["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: false, reasons: "Contact continued daily, with abusive language." }]], monitoring());
const sanction = (params: Decide["restrictions"]): Decide => ({ type: "Decide", outcome: "Restrict", reasons: "Chief Executive: contact continued to be unacceptable.", restrictions: params });

describe("council-ccm-2014", () => {
  it("§6 staff refer to their line manager, and are not authorised to apply sanctions", () => {
    const file = referred();
    expect(file.referral).toMatchObject({ by: "sam.officer@upc.test", serviceArea: "Planning" });
    expect(refusal(p, file, ["2027-01-05T09:00:00Z", sam, monitor()])).toBe(
      "Only the Head of Service for the department affected (UPC Deciders) may decide to monitor a customer's contact under A council (not named in the policy text)'s policy.",
    );
  });

  it("§6 the account of contact and behaviours must be before the Head of Service, and disability considered, before deciding", () => {
    expect(refusal(p, referred(), ["2027-01-05T09:00:00Z", dee, monitor({ preChecks: checks(p, ["contact-account"]) })])).toMatch(
      /^The policy cannot be applied while this is not satisfied: The customer's name, contact details and an account of the numbers\/types of contact and behaviours are before the Head of Service\.$/,
    );
    expect(refusal(p, referred(), ["2027-01-05T09:00:00Z", dee, monitor({ preChecks: checks(p, ["disability-considered"]) })])).toMatch(/Whether a disability or difficulty using services may cause the behaviour has been considered/);
    expect(refusal(p, referred(), ["2027-01-05T09:00:00Z", dee, monitor({ vulnerabilityConsidered: false })])).toMatch(/^Record that the customer's vulnerability/);
  });

  it("§6 the Head of Service, Business Manager and Executive Director jointly decide whether to invoke the policy, or not", () => {
    const file = walk(p, [["2027-01-05T09:00:00Z", dee, monitor()]], referred());
    expect(file.status).toBe("Monitoring");
    expect(file.decisions[0].participants).toEqual(["dee.decider@upc.test", "mo.manager@upc.test", "ed.resources@upc.test"]);
    const declined = walk(p, [["2027-01-05T09:00:00Z", dee, { type: "Decide", outcome: "Declined", reasons: "Not appropriate to invoke.", jointly: ["mo.manager@upc.test"] }]], referred());
    expect(declined.status).toBe("Observed");
  });

  it("§6 no sanction before the customer has been written to and monitored", () => {
    expect(refusal(p, referred(), ["2027-01-05T09:00:00Z", dan, sanction([{ params: { kind: "NoContact" }, endsAt: "2027-06-01T00:00:00Z" }])])).toBe(
      "Under A council (not named in the policy text)'s policy, sanctions follow a period of monitoring judged unacceptable: decide to monitor first.",
    );
  });

  it("§6 monitoring lasts three calendar months from when the letter is received, and a monitoring letter is owed", () => {
    const r = attempt(p, referred(), ["2027-01-05T09:00:00Z", dee, monitor()]);
    // “Once the letter has been received … for a period of three months or less”: no end until the letter goes.
    expect(r.ok && r.file.monitoring).toMatchObject({ startsAt: null, endsAt: null });
    expect(r.ok && r.file.lettersOwed).toEqual(["Monitoring", "StaffNotice"]);
    const sent = attempt(p, r.ok ? r.file : referred(), ["2027-01-06T10:00:00Z", dee, { ...letter(p, "Monitoring"), content: { title: "Monitoring", body: "…", channel: "Email", to: ["x@example.org"] } } as WorkflowEvent]);
    expect(sent.ok && sent.file.monitoring?.startsAt).toBe("2027-01-06T10:00:00.000Z");
    // Three calendar months from 6 January: to the end of 6 April (London, BST).
    expect(sent.ok && sent.file.monitoring?.endsAt).toBe(new Date("2027-04-06T22:59:59.999Z").toISOString());
  });

  it("§6 the monitoring letter is refused unless it gives the behaviour, expectations, period, SPOC, potential outcome and a copy of the policy", () => {
    const decided = walk(p, [["2027-01-05T09:00:00Z", dee, monitor()]], referred());
    const full = p.letters.find((l) => l.kind === "Monitoring")!.elements;
    expect(full).toEqual(["behaviour", "expectations", "monitoringPeriod", "spoc", "potentialOutcome", "policyCopy"]);
    for (const missing of full) {
      expect(refusal(p, decided, ["2027-01-05T10:00:00Z", dee, { type: "LetterSent", kind: "Monitoring", elements: full.filter((x) => x !== missing) }])).toMatch(
        /^The monitoring letter is not complete\. A council \(not named in the policy text\)'s policy requires it to include /,
      );
    }
  });

  it("§6 monitoring cannot be judged until the monitoring letter has gone", () => {
    const decided = walk(p, [["2027-01-05T09:00:00Z", dee, monitor()]], referred());
    expect(refusal(p, decided, ["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: true, reasons: "Courteous." }])).toBe(
      "The monitoring letter has not been sent yet: monitoring runs from the letter.",
    );
  });

  it("§6 correspondence with a designated officer in the service area is logged on the same record during monitoring", () => {
    const file = walk(p, [["2027-02-01T10:00:00Z", sam, { type: "LogContact" }], ["2027-02-02T10:00:00Z", mo, { type: "LogContact" }]], monitoring());
    expect(file.status).toBe("Monitoring");
    expect(file.contactsLogged).toBe(2);
  });

  it("§6 the Chief Executive, Executive Directors, Heads of Service, Business Managers and Elected Members are told once monitoring starts", () => {
    const r = attempt(p, referred(), ["2027-01-05T09:00:00Z", dee, monitor()]);
    expect(r.ok && r.effects).toContainEqual(notice("MonitoringStarted", NOTIFIED));
  });

  it("§6 contact judged acceptable ends monitoring with a thank-you letter and the same people told", () => {
    const r = attempt(p, monitoring(), ["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: true, reasons: "Contact has been courteous and through the SPOC." }]);
    expect(r.ok && r.file.status).toBe("Closed");
    expect(r.ok && r.file.lettersOwed).toEqual(["ThankYou", "StaffNotice"]);
    expect(r.ok && r.effects).toContainEqual(notice("MonitoringEnded", [...NOTIFIED, "all Council staff"]));
    expect(refusal(p, monitoring(), ["2027-04-07T10:00:00Z", mo, { type: "MonitoringEnded", acceptable: true, reasons: "Fine." }])).toMatch(
      /^Only the Executive Director, Resources and Support Services \(UPC Deciders\) may judge the end of a monitoring period/,
    );
  });

  it("§6 contact can be judged unacceptable only when the period ends, and then the Chief Executive may sanction", () => {
    expect(refusal(p, monitoring(), ["2027-02-05T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: false, reasons: "Still daily." }])).toMatch(/contact can be judged unacceptable only when it ends\.$/);
    const file = walk(p, [["2027-04-08T10:00:00Z", dan, sanction([{ params: { kind: "ContactQuota", max: 1, per: "Week", channel: "Letter" }, endsAt: "2027-10-08T00:00:00Z" }])]], unacceptable());
    expect(file.status).toBe("Restricted");
    expect(file.decisions.map((d) => [d.outcome, d.by])).toEqual([["Monitor", "dee.decider@upc.test"], ["Restrict", "dan.decider@upc.test"]]);
  });

  it("§6 the Chief Executive may extend the monitoring period, which owes a letter and tells staff", () => {
    const r = attempt(p, unacceptable(), ["2027-04-08T10:00:00Z", dan, { type: "Decide", outcome: "Extend", reasons: "Give three more months." }]);
    expect(r.ok && r.file.monitoring).toMatchObject({ startsAt: "2027-04-08T10:00:00.000Z", endsAt: new Date("2027-07-08T22:59:59.999Z").toISOString(), outcome: null });
    expect(r.ok && r.file.lettersOwed).toEqual(["Extension", "StaffNotice"]);
    expect(r.ok && r.effects).toContainEqual(notice("SanctionApplied", SANCTION_NOTIFIED));
  });

  it("§6 a limit on contacts per week or month in a specified form refuses other forms", () => {
    const file = walk(p, [["2027-04-08T10:00:00Z", dan, sanction([{ params: { kind: "ContactQuota", max: 2, per: "Month", channel: "Email" }, endsAt: "2027-10-08T00:00:00Z" }])]], unacceptable());
    expect(file.restrictions[0].params).toEqual({ kind: "ContactQuota", max: 2, per: "Month", channel: "Email" });
    expect(refusal(p, unacceptable(), ["2027-04-08T10:00:00Z", dan, sanction([{ params: { kind: "SingleChannel", channel: "Letter" } }])])).toBe(
      "A council (not named in the policy text)'s policy does not provide for a SingleChannel restriction.",
    );
  });

  it("§6 in extreme circumstances no contact is for a period, with its end date", () => {
    expect(refusal(p, unacceptable(), ["2027-04-08T10:00:00Z", dan, sanction([{ params: { kind: "NoContact" } }])])).toBe("A no-contact restriction is for a period: give the date it ends.");
    const file = walk(p, [["2027-04-08T10:00:00Z", dan, sanction([{ params: { kind: "NoContact" }, endsAt: "2027-07-08T00:00:00Z" }])]], unacceptable());
    expect(file.reviewDue).toBe("2027-07-08T00:00:00Z");
  });

  it("§6 the customer must be told of any sanction in writing, and staff told it is in place", () => {
    const r = attempt(p, unacceptable(), ["2027-04-08T10:00:00Z", dan, sanction([{ params: { kind: "NoContact" }, endsAt: "2027-07-08T00:00:00Z" }])]);
    expect(r.ok && r.file.lettersOwed).toEqual(["Restriction", "StaffNotice"]);
    expect(r.ok && r.effects).toContainEqual(notice("SanctionApplied", SANCTION_NOTIFIED));
    if (!r.ok) return;
    expect(refusal(p, r.file, ["2027-04-08T11:00:00Z", dee, { type: "LetterSent", kind: "Restriction", elements: [] }])).toMatch(/requires it to include what it means for their contact with us\.$/);
    expect(refusal(p, r.file, ["2027-04-08T11:00:00Z", dee, { type: "LetterWithheld", kind: "Restriction", reason: "No need." }])).toMatch(/must be sent\.$/);
  });

  it("§6 the decision offers no appeal: a challenge is pointed to the complaints procedure", () => {
    const restricted = walk(p, [["2027-04-08T10:00:00Z", dan, sanction([{ params: { kind: "NoContact" }, endsAt: "2027-07-08T00:00:00Z" }])], ["2027-04-08T11:00:00Z", dee, letter(p, "Restriction")]], unacceptable());
    expect(refusal(p, restricted, ["2027-04-10T11:00:00Z", sam, { type: "AppealLodged", receivedAt: "2027-04-10T10:00:00Z", inWriting: true, grounds: "Unfair." }])).toBe(
      "A council (not named in the policy text)'s policy offers no appeal against this decision; a complaint can still be made through the complaints procedure.",
    );
  });
});

describe("council-ccm-2014: behaviours outside the definitions", () => {
  it("5. the definitions do not cover every behaviour, so a referral may name “Other” and must describe it", () => {
    const other = { ...referral, behaviours: [OTHER_BEHAVIOUR], otherBehaviour: "Films officers at the counter and posts the clips" } as WorkflowEvent;
    expect(walk(p, [["2027-01-04T09:00:00Z", sam, other]]).referral).toMatchObject({ behaviours: [OTHER_BEHAVIOUR], otherBehaviour: "Films officers at the counter and posts the clips" });
    expect(refusal(p, newCaseFile(p.id), ["2027-01-04T09:00:00Z", sam, { ...referral, behaviours: [OTHER_BEHAVIOUR] } as WorkflowEvent])).toBe("Describe the behaviour you ticked as “Other”.");
  });
});
