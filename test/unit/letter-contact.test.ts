// A letter that names an officer says how to reach them: work e-mail and telephone when the register has them.
import { reachBy, spocParagraph, staffSpocLine } from "../../shared/letters/contact";
import { draftLetter, letterText, type LetterFacts } from "../../shared/letters/draft";
import { getPreset } from "../../shared/presets/registry";
import { spocOf } from "../../shared/restrictions/spoc";
import { describeRestriction } from "../../shared/restrictions";
import { restrictionParamsSchema } from "../../shared/domain/restriction-params";

const cumbria = getPreset("cumbria-fire-2023")!;
const council = getPreset("council-ccm-2014")!;
const NIAMH = { name: "Niamh O'Brien", address: "niamh.obrien@upc.test", phone: "020 7946 0011" };

const facts = (over: Partial<LetterFacts> = {}): LetterFacts => ({
  customerName: "Dana Whitlock",
  caseRef: "UPC-0002",
  decidedAt: "2027-03-01T10:00:00Z",
  reasons: "Threatening calls to the Fire Safety team.",
  behaviours: [],
  restrictions: [{ description: "Contact only through Niamh O'Brien", endsAt: null }],
  reviewDue: "2027-09-01T22:59:59.999Z",
  monitoring: null,
  spoc: NIAMH,
  sender: { name: "Dee Decider", title: null },
  staff: null,
  ...over,
});

describe("how to reach the officer a letter names", () => {
  it("gives e-mail and telephone, either alone, or nothing", () => {
    expect(reachBy(NIAMH)).toBe("e-mail them at niamh.obrien@upc.test or telephone them on 020 7946 0011");
    expect(reachBy({ ...NIAMH, phone: null })).toBe("e-mail them at niamh.obrien@upc.test");
    expect(reachBy({ ...NIAMH, address: null })).toBe("telephone them on 020 7946 0011");
    expect(reachBy({ name: "x", address: null })).toBe("");
    expect(spocParagraph(NIAMH)).toBe("Your single point of contact is Niamh O'Brien. You can e-mail them at niamh.obrien@upc.test or telephone them on 020 7946 0011. Please send all your contact with us to them.");
    expect(spocParagraph({ name: "Customer Relations team", address: "customer.relations@upc.test", inbox: true })).toBe(
      "Your single point of contact is the Customer Relations team. You can e-mail it at customer.relations@upc.test. Please send all your contact with us to this address.",
    );
    expect(spocParagraph(null)).toBe("");
    expect(staffSpocLine(NIAMH)).toBe("Their single point of contact is Niamh O'Brien: e-mail them at niamh.obrien@upc.test or telephone them on 020 7946 0011.");
  });

  it("puts the contact details in the decision letter, the monitoring letter and the staff notice", () => {
    const decision = letterText(draftLetter(cumbria, "Restriction", facts()));
    expect(decision).toContain("Your single point of contact is Niamh O'Brien. You can e-mail them at niamh.obrien@upc.test or telephone them on 020 7946 0011.");
    const monitoring = letterText(draftLetter(council, "Monitoring", facts({ monitoring: { startsAt: "2027-03-01T10:00:00Z", endsAt: "2027-05-31T22:59:59.999Z" } })));
    expect(monitoring).toContain("telephone them on 020 7946 0011");
    const notice = letterText(draftLetter(cumbria, "StaffNotice", facts({ staff: { recipients: ["appropriate staff and managers"], guidance: "" } })));
    expect(notice).toContain("Their single point of contact is Niamh O'Brien: e-mail them at niamh.obrien@upc.test or telephone them on 020 7946 0011.");
    // Without a contact on record the decision letter has no contact section at all (nothing is invented).
    expect(draftLetter(cumbria, "Restriction", facts({ spoc: null })).sections.some((s) => s.element === "spoc")).toBe(false);
  });

  it("takes the phone from the named-officer restriction, and old rows without one still read", () => {
    const person = { kind: "NamedOfficer" as const, target: { kind: "Person" as const, upn: "niamh.obrien@upc.test", name: "Niamh O'Brien", phone: "020 7946 0011" } };
    expect(spocOf({ spocUpn: null, spocName: null }, [{ params: person }])).toEqual({ name: "Niamh O'Brien", address: "niamh.obrien@upc.test", inbox: false, phone: "020 7946 0011" });
    expect(spocOf({ spocUpn: "niamh.obrien@upc.test", spocName: "Niamh O'Brien" }, [{ params: person }])?.phone).toBe("020 7946 0011");
    // A different SPOC on the customer record does not borrow the officer's phone.
    expect(spocOf({ spocUpn: "kim.officer@upc.test", spocName: "Kim Officer" }, [{ params: person }])?.phone).toBeUndefined();
    expect(restrictionParamsSchema.safeParse({ kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } }).success).toBe(true);
    expect(restrictionParamsSchema.safeParse({ kind: "Witness" }).success).toBe(true);
    const witness = restrictionParamsSchema.parse({ kind: "Witness", officer: { upn: "Sam.Officer@upc.test", name: "Sam Officer", phone: "020 7946 0002" } });
    expect(witness).toEqual({ kind: "Witness", officer: { upn: "sam.officer@upc.test", name: "Sam Officer", phone: "020 7946 0002" } });
    expect(describeRestriction(witness)).toBe("Personal contact only with Sam Officer present as a witness");
  });
});
