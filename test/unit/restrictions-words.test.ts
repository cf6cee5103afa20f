// The plain words: restriction descriptions, advice for an open e-mail, and clashes with reasonable adjustments.
import type { RestrictionParams } from "../../shared/domain/restriction-params";
import { adviceForMail, conflictsWithAdjustments, describeRestriction, otherRestrictions } from "../../shared/restrictions";
import { restriction } from "../support/restrictions";


describe("describeRestriction", () => {
  it.each<[RestrictionParams, string]>([
    [{ kind: "SingleChannel", channel: "Letter" }, "Letters only"],
    [{ kind: "SingleChannel", channel: "Email" }, "E-mail only"],
    [
      { kind: "NamedOfficer", target: { kind: "Person", upn: "jo@council.gov.uk", name: "Jo Bloggs" }, deputyUpn: "al@council.gov.uk" },
      "Contact only through Jo Bloggs (or deputy)",
    ],
    [{ kind: "NamedOfficer", target: { kind: "Person", upn: "sean@council.gov.uk", name: "Seán O'Brien" } }, "Contact only through Seán O'Brien"],
    [
      { kind: "NamedOfficer", target: { kind: "Inbox", address: "cr@council.gov.uk", name: "Customer Relations" } },
      "Contact only through the Customer Relations inbox",
    ],
    [
      { kind: "NamedOfficer", target: { kind: "Inbox", address: "cr@council.gov.uk", name: "The Complaints inbox" } },
      "Contact only through The Complaints inbox",
    ],
    [{ kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }] }, "Calls only Tuesday 10:00–12:00"],
    [{ kind: "CallLength", maxMinutes: 15 }, "Calls limited to 15 minutes"],
    [{ kind: "CallLength", maxMinutes: 1 }, "Calls limited to 1 minute"],
    [{ kind: "ContactQuota", max: 2, per: "Week", channel: "Letter" }, "At most 2 contacts a week, by letter"],
    [{ kind: "ContactQuota", max: 1, per: "Month", channel: null }, "At most 1 contact a month"],
    [{ kind: "Witness" }, "Personal contact only with a witness present"],
    [{ kind: "NoSameMatter", matterRefs: ["HB-123"] }, "No further complaints about matter HB-123"],
    [{ kind: "NewIssuesOnly" }, "Only new issues are dealt with"],
    [{ kind: "SeriousOnly" }, "Only significant and serious queries are dealt with"],
    [{ kind: "PremisesAccess", premises: "Fire HQ", byAppointment: true }, "No access to Fire HQ without an appointment"],
    [{ kind: "PremisesAccess", premises: "the Civic Centre" }, "No access to the Civic Centre"],
    [{ kind: "FiledWithoutReply" }, "Mail is filed without reply (read and screened)"],
    [{ kind: "BlockElectronic", includePhone: true }, "Phone and electronic contact blocked"],
    [{ kind: "BlockElectronic", includePhone: false }, "Electronic contact blocked"],
  ])("describes %j", (params, words) => {
    expect(describeRestriction(params)).toBe(words);
    expect(describeRestriction(restriction(params))).toBe(words);
  });

  it("gives the end date of a no-contact period in London time", () => {
    expect(describeRestriction(restriction({ kind: "NoContact" }, { endsAt: "2027-03-03T00:00:00Z" }))).toBe("No contact until 3 March 2027");
    expect(describeRestriction(restriction({ kind: "NoContact" }, { endsAt: "2027-06-02T23:00:00Z" }))).toBe("No contact until 3 June 2027");
    expect(describeRestriction(restriction({ kind: "NoContact" }, { endsAt: "2027-06-03T16:00:00Z" }))).toBe(
      "No contact until 17:00 on 3 June 2027",
    );
    expect(describeRestriction(restriction({ kind: "NoContact" }))).toBe("No contact until further notice");
    // Params alone carry no dates.
    expect(describeRestriction({ kind: "NoContact" })).toBe("No contact for a set period");
  });
});

describe("adviceForMail", () => {
  const letters = restriction({ kind: "SingleChannel", channel: "Letter" });
  const filed = restriction({ kind: "FiledWithoutReply" });
  const sean = restriction({ kind: "NamedOfficer", target: { kind: "Person", upn: "sean@council.gov.uk", name: "Seán O'Brien" } });

  it("tells an officer who is not the SPOC to pass the mail on", () => {
    expect(adviceForMail([letters, sean], { isSpoc: false })).toEqual([
      "Letters only: do not reply by e-mail; pass this to the SPOC",
      "Contact only through Seán O'Brien: do not reply; forward this to Seán O'Brien",
      "Whatever the restrictions, an emergency is answered and an FOI, EIR or subject access request goes to information governance.",
    ]);
  });

  it("tells the SPOC how to reply", () => {
    const advice = adviceForMail([letters, sean], { isSpoc: true });
    expect(advice[0]).toBe("Letters only: do not reply by e-mail; if a reply is needed, send it by letter");
    expect(advice[1]).toBe("Contact only through Seán O'Brien: you are the named contact; deal with it yourself");
  });

  it("asks for filed mail to be read and screened, not answered", () => {
    expect(adviceForMail([filed], { isSpoc: true })[0]).toBe(
      "Filed without reply: read it for new issues and safeguarding concerns; do not reply",
    );
  });

  it("names a generic inbox with its address", () => {
    const inbox = restriction({ kind: "NamedOfficer", target: { kind: "Inbox", address: "cr@council.gov.uk", name: "Customer Relations" } });
    expect(adviceForMail([inbox], { isSpoc: false })[0]).toBe(
      "Contact only through the Customer Relations inbox: do not reply; forward this to the Customer Relations inbox (cr@council.gov.uk)",
    );
  });

  it("has a line for every kind", () => {
    const all: RestrictionParams[] = [
      { kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }] },
      { kind: "CallLength", maxMinutes: 15 },
      { kind: "ContactQuota", max: 2, per: "Week", channel: "Letter" },
      { kind: "ContactQuota", max: 2, per: "Week", channel: null },
      { kind: "Witness" },
      { kind: "NoSameMatter", matterRefs: ["HB-123"] },
      { kind: "NewIssuesOnly" },
      { kind: "SeriousOnly" },
      { kind: "PremisesAccess", premises: "Fire HQ" },
      { kind: "NoContact" },
      { kind: "BlockElectronic", includePhone: true },
    ];
    const advice = adviceForMail(all.map((p) => restriction(p)), { isSpoc: false });
    // The two about calls alone, and the quota on letters alone (cumbria-fire-2023 §2.2: a quota rations the form it
    // names), say nothing about this mail: they are listed apart, never as "does not limit e-mail".
    expect(advice).toHaveLength(all.length - 3 + 1);
    expect(advice[0]).toMatch(/this e-mail counts towards the limit/);
    expect(advice[6]).toMatch(/^No contact until further notice: do not reply/);
    expect(advice.join("\n")).not.toMatch(/does not (limit|affect)|routed, not dropped/);
    expect(otherRestrictions(all.map((p) => restriction(p)), { isSpoc: false })).toEqual([0, 1, 2].map((i) => describeRestriction(restriction(all[i]))));
  });

  // Issue: "reply only if serious" beside "do not reply by e-mail" read as a contradiction.
  it("never tells an officer both to reply and not to", () => {
    const advice = adviceForMail([restriction({ kind: "SingleChannel", channel: "Letter" }), restriction({ kind: "SeriousOnly" })], { isSpoc: true });
    expect(advice[0]).toMatch(/do not reply by e-mail; if a reply is needed, send it by letter/);
    expect(advice[1]).toMatch(/deal with it only if it raises something significant and serious/);
    expect(advice.join("\n")).not.toMatch(/reply only if/);
  });

  it("leaves out restrictions that are not in force", () => {
    expect(adviceForMail([restriction({ kind: "Witness" }, { state: "Lifted" })], { isSpoc: false })).toEqual([]);
    const later = restriction({ kind: "Witness" }, { startsAt: "2027-01-01T00:00:00Z" });
    expect(adviceForMail([later], { isSpoc: false, at: new Date("2026-06-01T00:00:00Z") })).toEqual([]);
    expect(adviceForMail([later], { isSpoc: false })).toHaveLength(2);
  });
});

describe("conflictsWithAdjustments", () => {
  it("flags letters only against an e-mail adjustment, quoting it", () => {
    expect(conflictsWithAdjustments({ kind: "SingleChannel", channel: "Letter" }, "prefers e-mail because of dyslexia")).toBe(
      "Letters only conflicts with the recorded adjustment: 'prefers e-mail because of dyslexia'",
    );
  });

  it("quotes only the sentence or line that clashes", () => {
    const text = "Large print letters.\nPrefers email because of dyslexia. Needs an advocate at meetings.";
    expect(conflictsWithAdjustments({ kind: "SingleChannel", channel: "Letter" }, text)).toBe(
      "Letters only conflicts with the recorded adjustment: 'Prefers email because of dyslexia'",
    );
  });

  it("flags a phone block against a phone adjustment but not an e-mail-only block", () => {
    const text = "Needs to telephone rather than write (sight loss)";
    expect(conflictsWithAdjustments({ kind: "BlockElectronic", includePhone: true }, text)).toMatch(
      /^Phone and electronic contact blocked conflicts with the recorded adjustment/,
    );
    expect(conflictsWithAdjustments({ kind: "BlockElectronic", includePhone: false }, text)).toBeNull();
    expect(conflictsWithAdjustments({ kind: "BlockElectronic", includePhone: false }, "Uses e-mail only")).not.toBeNull();
  });

  it("flags a call length limit against extra time", () => {
    expect(conflictsWithAdjustments({ kind: "CallLength", maxMinutes: 15 }, "Allow extra time on calls (autism)")).toBe(
      "Calls limited to 15 minutes conflicts with the recorded adjustment: 'Allow extra time on calls (autism)'",
    );
  });

  it("flags premises and witness restrictions against face-to-face adjustments", () => {
    expect(conflictsWithAdjustments({ kind: "PremisesAccess", premises: "Fire HQ" }, "Needs face-to-face meetings")).not.toBeNull();
    expect(conflictsWithAdjustments({ kind: "PremisesAccess", premises: "Fire HQ" }, "Home visit only")).not.toBeNull();
    expect(conflictsWithAdjustments({ kind: "Witness" }, "Prefers to be seen in person")).not.toBeNull();
  });

  it("stays quiet when nothing clashes, or nothing is recorded", () => {
    expect(conflictsWithAdjustments({ kind: "SingleChannel", channel: "Letter" }, "Large print letters")).toBeNull();
    expect(conflictsWithAdjustments({ kind: "SingleChannel", channel: "Email" }, "Prefers e-mail")).toBeNull();
    expect(conflictsWithAdjustments({ kind: "CallLength", maxMinutes: 15 }, "")).toBeNull();
    expect(conflictsWithAdjustments({ kind: "NoSameMatter", matterRefs: ["HB-1"] }, "Prefers e-mail")).toBeNull();
  });

  it("keeps quotes and accents in the quoted text", () => {
    expect(conflictsWithAdjustments({ kind: "SingleChannel", channel: "Email" }, "Seán's carer phones on his behalf")).toBe(
      "E-mail only conflicts with the recorded adjustment: 'Seán's carer phones on his behalf'",
    );
  });
});

describe("advice when no SPOC is named", () => {
  it("sends the officer to a manager instead of a SPOC who does not exist", () => {
    const advice = adviceForMail([restriction({ kind: "SingleChannel", channel: "Letter" })], { isSpoc: false, hasSpoc: false });
    expect(advice[0]).toMatch(/pass this to your manager \(no SPOC is named\)/);
    expect(adviceForMail([restriction({ kind: "SingleChannel", channel: "Letter" })], { isSpoc: false })[0]).toMatch(/pass this to the SPOC$/);
  });
});
