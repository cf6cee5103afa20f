// checkContact for every restriction kind, allowed and refused, with routing, in-force dates and combined breaches.
import type { Restriction } from "../../shared/domain/records";
import { checkContact, type ContactCheckInput, type ProposedContact } from "../../shared/restrictions";
import { restriction } from "../support/restrictions";


// A Wednesday afternoon in BST.
const NOW = new Date("2026-06-17T13:05:00Z");

function check(
  restrictions: Restriction[],
  proposed: Partial<ProposedContact> = {},
  more: Partial<Omit<ContactCheckInput, "restrictions" | "proposed">> = {},
) {
  return checkContact({
    restrictions,
    history: [],
    proposed: { at: NOW, channel: "Email", direction: "Out", staffUpn: "officer@council.gov.uk", ...proposed },
    ...more,
  });
}

describe("SingleChannel", () => {
  const letters = restriction({ kind: "SingleChannel", channel: "Letter" });

  it("refuses an e-mail reply in staff's words", () => {
    const result = check([letters]);
    expect(result.allowed).toBe(false);
    expect(result.breaches).toEqual([
      { restrictionId: letters.id, kind: "SingleChannel", message: "Letters only: this customer may not be answered by e-mail" },
    ]);
  });

  it("records an incoming e-mail as outside the channel too", () => {
    expect(check([letters], { direction: "In" }).breaches[0].message).toBe(
      "Letters only: this customer may not contact us by e-mail",
    );
  });

  it("allows letters both ways", () => {
    expect(check([letters], { channel: "Letter" }).allowed).toBe(true);
    expect(check([letters], { channel: "Letter", direction: "In" })).toEqual({ allowed: true, breaches: [], notes: [] });
  });
});

describe("NamedOfficer", () => {
  const sean = restriction({
    kind: "NamedOfficer",
    target: { kind: "Person", upn: "sean.obrien@council.gov.uk", name: "Seán O'Brien" },
    deputyUpn: "aoife.ni-bhriain@council.gov.uk",
  });

  it("lets the named officer deal, whatever the case or spacing of the UPN", () => {
    expect(check([sean], { staffUpn: "  Sean.OBrien@Council.gov.uk " }).allowed).toBe(true);
  });

  it("lets the deputy on the restriction, or the SPOC and deputy on the customer record, deal", () => {
    expect(check([sean], { staffUpn: "aoife.ni-bhriain@council.gov.uk" }).allowed).toBe(true);
    expect(
      check([sean], { staffUpn: "cover@council.gov.uk" }, { spoc: { upn: "sean.obrien@council.gov.uk", deputyUpn: "cover@council.gov.uk" } })
        .allowed,
    ).toBe(true);
  });

  it("refuses anyone else, out or in, naming the officer exactly as recorded", () => {
    const out = check([sean]);
    expect(out.allowed).toBe(false);
    expect(out.breaches[0].message).toBe("Only Seán O'Brien (or their deputy) may deal with this customer");
    expect(check([sean], { direction: "In", channel: "Phone" }).allowed).toBe(false);
  });

  it("leaves out the deputy when there is none", () => {
    const jo = restriction({ kind: "NamedOfficer", target: { kind: "Person", upn: "jo.bloggs@council.gov.uk", name: "Jo Bloggs" } });
    expect(check([jo]).breaches[0].message).toBe("Only Jo Bloggs may deal with this customer");
  });

  it("accepts the generic inbox itself and names it with its address when refusing", () => {
    const inbox = restriction({
      kind: "NamedOfficer",
      target: { kind: "Inbox", address: "customer.relations@council.gov.uk", name: "Customer Relations" },
    });
    expect(check([inbox], { staffUpn: "Customer.Relations@council.gov.uk" }).allowed).toBe(true);
    expect(check([inbox]).breaches[0].message).toBe(
      "Only the Customer Relations inbox may deal with this customer: send it to customer.relations@council.gov.uk",
    );
  });

  it("notes when the customer record names a different SPOC", () => {
    const result = check([sean], { staffUpn: "new.spoc@council.gov.uk" }, { spoc: { upn: "new.spoc@council.gov.uk" } });
    expect(result.allowed).toBe(true);
    expect(result.notes[0]).toMatch(/names new\.spoc@council\.gov\.uk as SPOC but the restriction names Seán O'Brien/);
  });
});

describe("CallSlots", () => {
  const tuesday = restriction({ kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }] });

  it("refuses an incoming call outside the slot, saying when it is", () => {
    const result = check([tuesday], { channel: "Phone", direction: "In" });
    expect(result.breaches[0].message).toBe("Calls only on Tuesday 10:00–12:00: it is Wednesday 14:05");
  });

  it("allows an incoming call inside the slot and treats the end time as closed", () => {
    expect(check([tuesday], { channel: "Phone", direction: "In", at: new Date("2026-06-16T10:59:00Z") }).allowed).toBe(true);
    expect(check([tuesday], { channel: "Phone", direction: "In", at: new Date("2026-06-16T11:00:00Z") }).allowed).toBe(false);
  });

  it("does not limit our own call-backs, but notes the slot", () => {
    const result = check([tuesday], { channel: "Phone", direction: "Out" });
    expect(result.allowed).toBe(true);
    expect(result.notes[0]).toMatch(/^Calls only Tuesday 10:00–12:00: calls from us are not limited/);
  });

  it("does not touch e-mail", () => {
    expect(check([tuesday], { direction: "In" }).allowed).toBe(true);
  });
});

describe("CallLength", () => {
  const fifteen = restriction({ kind: "CallLength", maxMinutes: 15 });

  it("refuses a call longer than the limit and allows one at the limit", () => {
    expect(check([fifteen], { channel: "Phone", direction: "In", minutes: 22 }).breaches[0].message).toBe(
      "Calls limited to 15 minutes: this call took 22 minutes",
    );
    expect(check([fifteen], { channel: "Phone", minutes: 15 }).allowed).toBe(true);
  });

  it("reminds staff of the limit before the length is known", () => {
    const result = check([fifteen], { channel: "Phone" });
    expect(result.allowed).toBe(true);
    expect(result.notes).toEqual(["Calls limited to 15 minutes: end the call when the time is up."]);
  });

  it("ignores other channels", () => {
    expect(check([fifteen], { channel: "InPerson", minutes: 60 }).allowed).toBe(true);
  });
});

describe("Witness", () => {
  const witness = restriction({ kind: "Witness" });

  it("refuses a meeting without a witness recorded", () => {
    expect(check([witness], { channel: "InPerson", direction: "In" }).breaches[0].message).toBe(
      "Personal contact only with a witness present: no witness is recorded for this meeting",
    );
    expect(check([witness], { channel: "InPerson", witnessPresent: false }).allowed).toBe(false);
  });

  it("allows a meeting with a witness, and other channels", () => {
    expect(check([witness], { channel: "InPerson", witnessPresent: true }).allowed).toBe(true);
    expect(check([witness], { channel: "Phone" }).allowed).toBe(true);
  });
});

describe("NoSameMatter", () => {
  const matter = restriction({ kind: "NoSameMatter", matterRefs: ["HB-123", "CT-9"] });

  it("refuses the closed matter, ignoring case and spaces", () => {
    const result = check([matter], { direction: "In", matterRef: "  hb-123 " });
    expect(result.breaches[0].message).toBe("No further complaints about matters HB-123 and CT-9: this contact is about HB-123");
  });

  it("allows another matter", () => {
    expect(check([matter], { matterRef: "HB-124" })).toEqual({ allowed: true, breaches: [], notes: [] });
  });

  it("asks staff to check when no matter is given", () => {
    const result = check([matter], { direction: "In" });
    expect(result.allowed).toBe(true);
    expect(result.notes[0]).toMatch(/check this contact is not about matters HB-123 and CT-9/);
  });
});

describe("NewIssuesOnly and SeriousOnly", () => {
  const newOnly = restriction({ kind: "NewIssuesOnly" });
  const seriousOnly = restriction({ kind: "SeriousOnly" });

  it("refuses what staff judged old or minor", () => {
    expect(check([newOnly], { direction: "In", newIssue: false }).breaches[0].message).toBe(
      "Only new issues are dealt with: this contact raises no new issue",
    );
    expect(check([seriousOnly], { serious: false }).breaches[0].message).toBe(
      "Only significant and serious queries are dealt with: this query is not significant and serious",
    );
  });

  it("allows what staff judged new or serious", () => {
    expect(check([newOnly], { newIssue: true })).toEqual({ allowed: true, breaches: [], notes: [] });
    expect(check([seriousOnly], { serious: true })).toEqual({ allowed: true, breaches: [], notes: [] });
  });

  it("asks for a judgement when none is given", () => {
    expect(check([newOnly]).notes[0]).toMatch(/check whether it raises a new issue/);
    expect(check([seriousOnly]).notes[0]).toMatch(/check whether it is significant and serious/);
    expect(check([newOnly, seriousOnly]).allowed).toBe(true);
  });
});

describe("PremisesAccess", () => {
  const hq = restriction({ kind: "PremisesAccess", premises: "Fire HQ" });
  const byAppointment = restriction({ kind: "PremisesAccess", premises: "Fire HQ", byAppointment: true });

  it("refuses a visit by the customer", () => {
    expect(check([hq], { channel: "InPerson", direction: "In" }).breaches[0].message).toBe(
      "No access to Fire HQ: this customer may not visit in person",
    );
  });

  it("does not stop an officer's visit to them, or other channels", () => {
    expect(check([hq], { channel: "InPerson", direction: "Out" }).allowed).toBe(true);
    expect(check([hq], { channel: "Letter", direction: "In" }).allowed).toBe(true);
  });

  it("allows a booked visit where appointments are allowed, and refuses an unbooked one", () => {
    expect(check([byAppointment], { channel: "InPerson", direction: "In", appointment: true }).allowed).toBe(true);
    expect(check([byAppointment], { channel: "InPerson", direction: "In" }).breaches[0].message).toBe(
      "No access to Fire HQ without an appointment: no appointment is recorded for this visit",
    );
  });
});

describe("FiledWithoutReply", () => {
  const filed = restriction({ kind: "FiledWithoutReply" });

  it("refuses a reply", () => {
    expect(check([filed], { channel: "Letter" }).breaches[0].message).toBe(
      "Mail is filed without reply: this customer is not to be answered",
    );
  });

  it("accepts incoming mail with a reminder to screen it", () => {
    const result = check([filed], { direction: "In" });
    expect(result.allowed).toBe(true);
    expect(result.notes[0]).toMatch(/read it for new issues and safeguarding concerns/);
  });
});

describe("NoContact", () => {
  const quiet = restriction({ kind: "NoContact" }, { startsAt: "2026-06-01T00:00:00Z", endsAt: "2027-03-02T00:00:00Z" });

  it("refuses any contact either way during the period", () => {
    expect(check([quiet]).breaches[0].message).toBe("No contact until 2 March 2027: do not contact this customer during this period");
    expect(check([quiet], { direction: "In", channel: "Letter" }).breaches[0].message).toBe(
      "No contact until 2 March 2027: the customer may not contact us during this period",
    );
  });

  it("allows contact once the period has ended", () => {
    expect(check([quiet], { at: new Date("2027-03-02T00:00:00Z") }).allowed).toBe(true);
  });
});

describe("BlockElectronic", () => {
  const electronic = restriction({ kind: "BlockElectronic", includePhone: false });
  const withPhone = restriction({ kind: "BlockElectronic", includePhone: true });

  it("refuses e-mail, web and social media", () => {
    expect(check([electronic]).breaches[0].message).toBe("Electronic contact blocked: this customer may not be answered by e-mail");
    expect(check([electronic], { channel: "Web", direction: "In" }).breaches[0].message).toBe(
      "Electronic contact blocked: contact through the website from this customer is blocked",
    );
    expect(check([electronic], { channel: "Social", direction: "In" }).allowed).toBe(false);
  });

  it("blocks the phone only when the restriction says so", () => {
    expect(check([electronic], { channel: "Phone", direction: "In" }).allowed).toBe(true);
    expect(check([withPhone], { channel: "Phone", direction: "In" }).breaches[0].message).toBe(
      "Phone and electronic contact blocked: contact by phone from this customer is blocked",
    );
  });

  it("leaves letters and visits alone", () => {
    expect(check([withPhone], { channel: "Letter" }).allowed).toBe(true);
    expect(check([withPhone], { channel: "InPerson", direction: "In" }).allowed).toBe(true);
  });
});

describe("which restrictions apply", () => {
  const letters = (extra: Partial<Restriction>) => restriction({ kind: "SingleChannel", channel: "Letter" }, extra);

  it("ignores a restriction not yet started and one already ended", () => {
    expect(check([letters({ startsAt: "2026-06-18T00:00:00Z" })]).allowed).toBe(true);
    expect(check([letters({ endsAt: "2026-06-17T13:05:00Z" })]).allowed).toBe(true);
    expect(check([letters({ startsAt: "2026-06-17T13:05:00Z" })]).allowed).toBe(false);
  });

  it("ignores Lifted and Expired restrictions whatever their dates", () => {
    expect(check([letters({ state: "Lifted" }), letters({ state: "Expired" })])).toEqual({ allowed: true, breaches: [], notes: [] });
  });

  it("still applies a restriction past its review date, with a note", () => {
    const result = check([letters({ reviewDue: "2026-06-01T00:00:00Z" })]);
    expect(result.allowed).toBe(false);
    expect(result.notes).toEqual([
      "Letters only was due for review on 1 June 2026: it still applies until a decision is recorded; tell a manager.",
    ]);
  });
});

describe("emergencies and statutory requests", () => {
  const all = [
    restriction({ kind: "NoContact" }),
    restriction({ kind: "BlockElectronic", includePhone: true }),
    restriction({ kind: "SingleChannel", channel: "Letter" }),
  ];

  it("answers an emergency call during no contact and a phone block", () => {
    const result = check(all, { channel: "Phone", direction: "In", purpose: "Emergency" });
    expect(result.allowed).toBe(true);
    expect(result.breaches).toEqual([]);
    expect(result.routed?.to).toBe("EmergencyServices");
    expect(result.routed?.message).toMatch(/^Emergency: deal with it now/);
    expect(result.notes[0]).toBe(
      "Set aside for this contact: No contact until further notice, Phone and electronic contact blocked and Letters only. Log it as usual.",
    );
  });

  it.each([
    ["FOI", "Freedom of Information request"],
    ["EIR", "Environmental Information request"],
    ["SubjectAccess", "Subject access request"],
  ] as const)("routes a %s request by e-mail to information governance", (purpose, words) => {
    const result = check(all, { direction: "In", purpose });
    expect(result).toMatchObject({ allowed: true, breaches: [], routed: { to: "InformationGovernance" } });
    expect(result.routed?.message).toMatch(new RegExp(`^${words}: pass it to information governance`));
  });

  it("routes with no notes when nothing is in force", () => {
    expect(check([], { purpose: "FOI" }).notes).toEqual([]);
  });
});

describe("several restrictions at once", () => {
  it("reports every breach together, in the order the restrictions were given", () => {
    const restrictions = [
      restriction({ kind: "SingleChannel", channel: "Letter" }),
      restriction({ kind: "NamedOfficer", target: { kind: "Person", upn: "jo.bloggs@council.gov.uk", name: "Jo Bloggs" } }),
      restriction({ kind: "BlockElectronic", includePhone: false }),
      restriction({ kind: "NoSameMatter", matterRefs: ["HB-123"] }),
      restriction({ kind: "Witness" }),
    ];
    const result = check(restrictions, { matterRef: "HB-123" });
    expect(result.allowed).toBe(false);
    expect(result.breaches.map((b) => b.kind)).toEqual(["SingleChannel", "NamedOfficer", "BlockElectronic", "NoSameMatter"]);
    expect(result.breaches.map((b) => b.restrictionId)).toEqual(restrictions.slice(0, 4).map((r) => r.id));
  });
});
