// Restriction kinds that say what the policy texts say: a quota per form, time limits and slots beyond calls, answering
// only about an open enquiry, and a restriction described in words where a policy's list is open.
import type { RestrictionParams } from "../../shared/domain/restriction-params";
import { restrictionParamsSchema } from "../../shared/domain/restriction-params";
import { valueWords } from "../../shared/access/words";
import { draftLetter, letterText, type LetterFacts } from "../../shared/letters/draft";
import { getPreset, PRESETS } from "../../shared/presets/registry";
import { adviceForMail, checkContact, describeRestriction, otherRestrictions, quotaUsage, type HistoryContact, type ProposedContact } from "../../shared/restrictions";
import { readRestrictions } from "../../graph/import/values";
import { blankForm, checkDraft } from "../../addin/teams/decide/drafts";
import { restriction } from "../support/restrictions";

// Wednesday 17 June 2026, 11:00 London time.
const AT = new Date("2026-06-17T10:00:00Z");
const incoming = (contactAt: string, channel: HistoryContact["channel"]): HistoryContact => ({ contactAt, channel, direction: "In", matterRef: "" });

function check(params: RestrictionParams, history: HistoryContact[], proposed: Partial<ProposedContact>) {
  return checkContact({ restrictions: [restriction(params)], history, proposed: { at: AT, channel: "Email", direction: "In", staffUpn: "officer@council.gov.uk", ...proposed } });
}

describe("a quota counts only the forms it names (cumbria-fire-2023, 001_de0aff75e8e4f05c.txt §2.2)", () => {
  // "Restricting the number of telephone calls that will be taken (for example, one call on one specified
  // morning/afternoon of any week)": letters and e-mails are not barred by a quota on calls, nor counted by it.
  const oneCall: RestrictionParams = { kind: "ContactQuota", max: 1, per: "Week", channels: ["Phone"] };
  const calledMonday = [incoming("2026-06-15T09:00:00Z", "Phone")];

  it("lets a letter and an e-mail through once the week's one call is used, and refuses a second call", () => {
    expect(check(oneCall, calledMonday, { channel: "Letter" })).toMatchObject({ allowed: true, breaches: [] });
    expect(check(oneCall, calledMonday, { channel: "Email" })).toMatchObject({ allowed: true, breaches: [] });
    expect(check(oneCall, calledMonday, { channel: "Phone" }).breaches.map((b) => b.message)).toEqual(["Weekly limit reached: only 1 contact is allowed a week, and this is contact 2 this week"]);
  });

  it("does not count e-mails towards a quota on calls, in the pane's usage either", () => {
    const history = [...calledMonday, incoming("2026-06-15T10:00:00Z", "Email"), incoming("2026-06-16T10:00:00Z", "Letter")];
    expect(quotaUsage([restriction(oneCall)], history, AT)[0]).toMatchObject({ used: 1, max: 1, channels: ["Phone"], label: "1 of 1 this week" });
  });

  it("reads a row written with the old single channel the same way: that form counts, the others are not refused", () => {
    const old = { kind: "ContactQuota", max: 2, per: "Week", channel: "Letter" } as const;
    expect(restrictionParamsSchema.parse(old)).toEqual(old);
    expect(check(old, [], { channel: "Email" })).toMatchObject({ allowed: true, breaches: [] });
    expect(describeRestriction(old)).toBe("At most 2 contacts a week, by letter");
    // Null meant any form, as before.
    expect(check({ kind: "ContactQuota", max: 1, per: "Week", channel: null }, [incoming("2026-06-15T09:00:00Z", "Letter")], { channel: "Email" }).allowed).toBe(false);
  });

  it("says nothing about an e-mail when it does not count e-mail, and counts it when it does", () => {
    const advice = (p: RestrictionParams) => adviceForMail([restriction(p)], { isSpoc: true });
    expect(advice(oneCall)).toEqual([]);
    expect(otherRestrictions([restriction(oneCall)], { isSpoc: true })).toEqual(["At most 1 contact a week, by phone"]);
    expect(advice({ kind: "ContactQuota", max: 2, per: "Week", channels: ["Email", "Letter"] })[0]).toBe("At most 2 contacts a week, by e-mail or by letter: this e-mail counts towards the limit; check the count before dealing with it");
  });

  // council-ccm-2014 (004_4a3366f45c554bec.txt §6): "Limit the contacts to a certain number per week/month, in a
  // specified form (telephone/email/letter etc.)": several forms may share one allowance.
  it("shares one allowance between the forms named (council-ccm-2014 §6)", () => {
    const phoneOrLetter: RestrictionParams = { kind: "ContactQuota", max: 2, per: "Week", channels: ["Phone", "Letter"] };
    const history = [incoming("2026-06-15T09:00:00Z", "Phone"), incoming("2026-06-16T09:00:00Z", "Letter"), incoming("2026-06-16T10:00:00Z", "Email")];
    expect(check(phoneOrLetter, history, { channel: "Letter" }).allowed).toBe(false);
    expect(check(phoneOrLetter, history, { channel: "Email" }).allowed).toBe(true);
  });
});

describe("time limits on calls and on personal contacts (cumbria-fire-2023 §2.2)", () => {
  // "Placing time limits on telephone conversations and personal contacts".
  it("limits a meeting's length when the limit covers personal contact", () => {
    const meetings: RestrictionParams = { kind: "CallLength", maxMinutes: 20, applies: ["InPerson"] };
    expect(describeRestriction(meetings)).toBe("Personal contact limited to 20 minutes");
    expect(check(meetings, [], { channel: "InPerson", minutes: 35, witnessPresent: true }).breaches.map((b) => b.message)).toEqual(["Personal contact limited to 20 minutes: this meeting took 35 minutes"]);
    expect(check(meetings, [], { channel: "InPerson" }).notes).toEqual(["Personal contact limited to 20 minutes: end the meeting when the time is up."]);
    // A call is not a personal contact.
    expect(check(meetings, [], { channel: "Phone", minutes: 35 }).allowed).toBe(true);
  });

  it("limits both when both are chosen, and keeps old rows to calls", () => {
    const both: RestrictionParams = { kind: "CallLength", maxMinutes: 15, applies: ["Phone", "InPerson"] };
    expect(describeRestriction(both)).toBe("Calls and personal contact limited to 15 minutes");
    expect(check(both, [], { channel: "Phone", minutes: 16 }).allowed).toBe(false);
    expect(check(both, [], { channel: "InPerson", minutes: 16 }).allowed).toBe(false);
    const old: RestrictionParams = { kind: "CallLength", maxMinutes: 15 };
    expect(describeRestriction(old)).toBe("Calls limited to 15 minutes");
    expect(check(old, [], { channel: "InPerson", minutes: 60 }).allowed).toBe(true);
  });
});

describe("time slots for any form of contact (council-ccm-2014 §6)", () => {
  // "in a specified form (telephone/email/letter etc.) and during a particular time slot".
  const emailSlots: RestrictionParams = { kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }], channels: ["Email"] };

  it("refuses an e-mail outside the slot when the slots cover e-mail, and leaves calls alone", () => {
    expect(describeRestriction(emailSlots)).toBe("Contact by e-mail only Tuesday 10:00–12:00");
    expect(check(emailSlots, [], { channel: "Email" }).breaches.map((b) => b.message)).toEqual(["Contact by e-mail only on Tuesday 10:00–12:00: it is Wednesday 11:00"]);
    expect(check(emailSlots, [], { channel: "Email", at: new Date("2026-06-16T09:30:00Z") }).allowed).toBe(true);
    expect(check(emailSlots, [], { channel: "Phone" }).allowed).toBe(true);
    expect(adviceForMail([restriction(emailSlots)], { isSpoc: true })[0]).toMatch(/^Contact by e-mail only Tuesday 10:00–12:00: check when it was sent/);
  });

  it("keeps a row written before the choice to calls", () => {
    const old: RestrictionParams = { kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }] };
    expect(describeRestriction(old)).toBe("Calls only Tuesday 10:00–12:00");
    expect(check(old, [], { channel: "Email" }).allowed).toBe(true);
    expect(check(old, [], { channel: "Phone" }).allowed).toBe(false);
  });
});

describe("answering only where it concerns an open enquiry (hampshire-sendiass, 003_f99db5e613e66c3b.txt)", () => {
  // "Notifying the customer that the service will ignore communication unless it is relevant to an open enquiry".
  it("is checked by staff when no enquiry is named, and says so", () => {
    const p: RestrictionParams = { kind: "OpenEnquiryOnly" };
    const words = "Communication is answered only where it concerns an open enquiry (checked by staff, not by the system)";
    expect(describeRestriction(p)).toBe(words);
    expect(check(p, [], { matterRef: "ANY-1" })).toMatchObject({ allowed: true, notes: [`${words}: answer it only if it concerns an open enquiry; otherwise log it and do not reply.`] });
    expect(adviceForMail([restriction(p)], { isSpoc: true })[0]).toBe(`${words}: read it; answer it only where it concerns an open enquiry, and otherwise log it and do not reply`);
  });

  it("is checked against the contact's matter reference when the open enquiries are named", () => {
    const p: RestrictionParams = { kind: "OpenEnquiryOnly", enquiryRefs: ["ENQ-101", "ENQ-102"] };
    expect(describeRestriction(p)).toBe("Communication is answered only where it concerns the open enquiries ENQ-101 and ENQ-102 (checked against the contact's matter reference)");
    expect(check(p, [], { matterRef: "enq-101" }).allowed).toBe(true);
    expect(check(p, [], { matterRef: "OLD-9" }).breaches[0].message).toMatch(/this contact is about OLD-9, which is not an open enquiry$/);
    expect(check(p, [], {}).allowed).toBe(true);
  });
});

describe("a restriction described in words, where a policy's list is open", () => {
  const p: RestrictionParams = { kind: "Described", text: "Meetings only at the Civic Centre reception" };
  const words = "Meetings only at the Civic Centre reception (checked by staff, not by the system)";

  it("never reports a breach, and is labelled as checked by staff wherever it shows", () => {
    expect(describeRestriction(p)).toBe(words);
    for (const channel of ["Email", "Phone", "Letter", "InPerson"] as const) {
      for (const direction of ["In", "Out"] as const) expect(check(p, [], { channel, direction })).toMatchObject({ allowed: true, breaches: [], notes: [`${words}: check this contact against it yourself.`] });
    }
    expect(adviceForMail([restriction(p)], { isSpoc: false })[0]).toBe(`${words}: read this e-mail with it in mind`);
    expect(valueWords("choice", "Described")).toBe("Described in words (checked by staff, not by the system)");
    expect(checkDraft({ key: 1, form: { ...blankForm("Described"), text: "  Meetings only at the Civic Centre reception " }, endsOn: "" }, AT)).toMatchObject({ ok: true, words, draft: { params: p } });
  });

  it("is kept short enough to fit the register's title", () => {
    expect(restrictionParamsSchema.safeParse({ kind: "Described", text: "x".repeat(201) }).success).toBe(false);
    expect(checkDraft({ key: 1, form: { ...blankForm("Described"), text: "x".repeat(201) }, endsOn: "" }, AT)).toMatchObject({ ok: false, problems: ["Keep the description to 200 characters: it has 201."] });
    expect(checkDraft({ key: 1, form: blankForm("Described"), endsOn: "" }, AT)).toMatchObject({ ok: false, problems: ["Describe the restriction in a sentence the customer and staff will understand."] });
  });

  // southampton-2018 (002_c47487000f646a0a.txt, "Dealing with unreasonably persistent and/or vexatious customers"):
  // "The options most likely to be considered are" — not a closed list; hampshire-sendiass lists "Other relevant
  // resolutions". Cumbria ("one or a mix of the following possible options"), council-ccm ("one of the following
  // sanctions") and Merseyside give closed lists.
  it("is offered only by the policies whose list is open (southampton-2018, hampshire-sendiass)", () => {
    expect(PRESETS.filter((x) => x.restrictions.kinds.includes("Described")).map((x) => x.id).sort()).toEqual(["hampshire-sendiass", "southampton-2018"]);
    expect(getPreset("hampshire-sendiass")!.restrictions.kinds).toContain("OpenEnquiryOnly");
  });
});

describe("the new forms everywhere a kind is used", () => {
  it("reads them from a register's restrictions cell", () => {
    const r = readRestrictions("OpenEnquiryOnly: ENQ-101, ENQ-102; Described: Meetings only at the Civic Centre reception; ContactQuota: 1 per week by phone or letter; CallSlots: Tue 10:00-12:00 for phone and e-mail; CallLength: 20 minutes for calls and visits; OpenEnquiryOnly");
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual([
      { kind: "OpenEnquiryOnly", enquiryRefs: ["ENQ-101", "ENQ-102"] },
      { kind: "Described", text: "Meetings only at the Civic Centre reception" },
      { kind: "ContactQuota", max: 1, per: "Week", channels: ["Phone", "Letter"] },
      { kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }], channels: ["Phone", "Email"] },
      { kind: "CallLength", maxMinutes: 20, applies: ["Phone", "InPerson"] },
      { kind: "OpenEnquiryOnly" },
    ]);
    expect(readRestrictions(`Described: ${"x".repeat(201)}`).errors[0]).toMatch(/keep the description to 200 characters/);
  });

  it("builds them from the decision form's values", () => {
    expect(checkDraft({ key: 1, form: { ...blankForm("ContactQuota"), max: "1", channels: ["Phone"] }, endsOn: "" }, AT)).toMatchObject({ ok: true, words: "At most 1 contact a week, by phone", draft: { params: { kind: "ContactQuota", max: 1, per: "Week", channels: ["Phone"] } } });
    expect(checkDraft({ key: 1, form: { ...blankForm("CallLength"), applies: [] }, endsOn: "" }, AT)).toMatchObject({ ok: false, problems: ["Tick calls, personal contact or both."] });
    expect(checkDraft({ key: 1, form: { ...blankForm("CallSlots"), channels: ["Email", "Letter"] }, endsOn: "" }, AT)).toMatchObject({ ok: true, words: "Contact by e-mail or by letter only Tuesday 10:00–12:00" });
    expect(checkDraft({ key: 1, form: { ...blankForm("OpenEnquiryOnly"), enquiries: "ENQ-7" }, endsOn: "" }, AT)).toMatchObject({ ok: true, draft: { params: { kind: "OpenEnquiryOnly", enquiryRefs: ["ENQ-7"] } } });
  });

  it("tells the customer, in a hampshire warning letter, what may happen", () => {
    const facts: LetterFacts = { customerName: "Pat", caseRef: "UPC-1", decidedAt: "2027-03-01T10:00:00Z", reasons: "r", behaviours: ["b"], restrictions: [], reviewDue: null, monitoring: null, spoc: null, sender: { name: "Dee", title: null } };
    const text = letterText(draftLetter(getPreset("hampshire-sendiass")!, "Warning", facts));
    expect(text).toContain("answering your communication only where it is relevant to an open enquiry");
    expect(text).toContain("other arrangements suited to the circumstances");
  });
});
