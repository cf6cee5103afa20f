// Reading a register: CSV as spreadsheets save it, UK dates, and restrictions written in words; every problem is named
// by row and column in plain words.
import { parseCsv, CsvError } from "../../graph/import/csv";
import { problemText, readRegister } from "../../graph/import/rows";
import { readDate, readRestrictions } from "../../graph/import/values";

describe("CSV", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks, a byte-order mark and CRLF", () => {
    const t = parseCsv('\uFEFFName,Notes\r\n"Smith, Jo","He said ""no""."\r\nO\'Brien,"two\r\nlines"\r\n\r\n,\r\nZoë,\r\n');
    expect(t.header).toEqual(["Name", "Notes"]);
    expect(t.records).toEqual([
      { row: 2, cells: ["Smith, Jo", 'He said "no".'] },
      { row: 3, cells: ["O'Brien", "two\nlines"] },
      { row: 6, cells: ["Zoë", ""] },
    ]);
  });

  it("reads a semicolon-separated file (Excel in some locales) and a last line without a line end", () => {
    const t = parseCsv("Name;Status\nA;Observed");
    expect(t.delimiter).toBe(";");
    expect(t.records).toEqual([{ row: 2, cells: ["A", "Observed"] }]);
  });

  it("says where a quoted cell never ends", () => {
    expect(() => parseCsv('Name,Notes\nA,"open\nB,c\n')).toThrow(new CsvError('A quoted cell that starts on line 2 never ends: a closing " is missing.'));
    expect(() => parseCsv("\uFEFF\r\n")).toThrow(/The file is empty/);
  });
});

describe("cells", () => {
  it("reads UK dates as the start of that day in London", () => {
    expect(readDate("03/04/2027")).toEqual({ ok: true, value: "2027-04-02T23:00:00.000Z" });
    expect(readDate("2027-01-15")).toEqual({ ok: true, value: "2027-01-15T00:00:00.000Z" });
    expect(readDate("3 March 2027")).toEqual({ ok: true, value: "2027-03-03T00:00:00.000Z" });
    expect(readDate("31/02/2027")).toEqual({ ok: false, error: `"31/02/2027" is not a date that exists (day 31, month 2).` });
    expect(readDate("next Tuesday").ok).toBe(false);
  });

  it("reads restrictions written in words, and says how to write one it cannot read", () => {
    const r = readRestrictions("NamedOfficer: jo.bloggs@council.gov.uk (Jo Bloggs), deputy ann.lee@council.gov.uk; call slots: Tue 10:00-12:00, thursday 2pm-4pm; ContactQuota: 2 per week by letter; BlockElectronic: including phone; Witness");
    expect(r.value).toEqual([
      { kind: "NamedOfficer", target: { kind: "Person", upn: "jo.bloggs@council.gov.uk", name: "Jo Bloggs" }, deputyUpn: "ann.lee@council.gov.uk" },
      { kind: "ContactQuota", max: 2, per: "Week", channels: ["Letter"] },
      { kind: "BlockElectronic", includePhone: true },
      { kind: "Witness" },
    ]);
    expect(r.errors).toEqual([`"call slots: Tue 10:00-12:00, thursday 2pm-4pm": give each slot as a day and times, e.g. Tue 10:00-12:00, Thu 14:00-16:00, as in "CallSlots: Tue 10:00-12:00, Thu 14:00-16:00".`]);
    expect(readRestrictions("CallSlots: Tue 10:00-12:00, thurs 14.00 to 16.00").value).toEqual([{ kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }, { day: "Thu", from: "14:00", to: "16:00" }] }]);
    expect(readRestrictions("CallSlots: Tue 12:00-10:00").errors[0]).toMatch(/A call slot must end after it starts/);
    expect(readRestrictions("Banned").errors[0]).toMatch(/"Banned" is not a restriction the product knows/);
  });
});

describe("a register's rows", () => {
  const read = (csv: string) => readRegister(parseCsv(csv), { now: new Date("2026-11-22T12:00:00Z") });

  it("reports every problem by row and column, in the file's own headings", () => {
    const { problems, rows } = read(
      [
        "Name,Status,Policy,Email,Phones,Restrictions,Review date,Case ref",
        "Jo Bloggs,Restricted,council-ccm-2014,jo@,,ContactQuota: 2 per fortnight,,",
        "Ann Lee,Sleeping,council-ccm-2014,ann@example.org,,,,",
        "Bob Roe,Warned,unknown-policy,bob@example.org,12345,,,",
        "Cy Fox,Restricted,merseyside-fire-2011,cy@example.org,,Witness,01/01/2028,UPC-9",
        "Di Ash,Observed,council-ccm-2014,ann@example.org,,,,upc-0009",
        ",Observed,council-ccm-2014,,,,,",
      ].join("\n"),
    );
    expect(rows).toEqual([]);
    expect(problems.map(problemText)).toEqual([
      `Row 2, Email: "jo@" is not an e-mail address: it needs one @ with a name before it and a domain after it.`,
      `Row 2, Restrictions: "ContactQuota: 2 per fortnight": give it as a number per week or per month, optionally with the form, e.g. 2 per week by letter, as in "ContactQuota: 2 per week by letter".`,
      "Row 2, Review date: a Restricted customer needs the date their restrictions are next reviewed.",
      `Row 3, Status: "Sleeping" is not a status (Observed, Warned, Referred, Monitoring, Restricted, Closed).`,
      `Row 4, Policy: "unknown-policy" is not one of the policies (merseyside-fire-2011, cumbria-fire-2023, southampton-2018, hampshire-sendiass, council-ccm-2014).`,
      `Row 4, Phones: "12345" is not a UK number: it should start with 0 or +44.`,
      "Row 5, Restrictions: the policy merseyside-fire-2011 does not provide for Witness (it allows: none).",
      "Row 6, Case ref: UPC-0009 is also on row 5; each customer has one row.",
      "Row 6, Email: ann@example.org is also on row 3; an address belongs to one customer.",
      "Row 7, Name: the customer's name is empty.",
    ]);
  });

  it("refuses a header without the columns it needs, and names the ignored ones", () => {
    const r = read("Customer,Notes\nJo,x\n");
    expect(r.problems.map(problemText)).toEqual([expect.stringMatching(/^The header has no Status column\./)]);
    expect(r.notes).toEqual(['These columns are not imported and are left out: "Notes".']);
  });

  it("needs a case reference or an address, so a second run can find the row again", () => {
    expect(read("Name,Status,Policy\nJo,Observed,council-ccm-2014\n").problems.map(problemText)).toEqual([
      "Row 2: give a CaseRef or at least one address (Emails, Phones or Domains), so the row can be matched if the import is run again.",
    ]);
  });

  it("takes the policy from --policy when the sheet has none", () => {
    const r = readRegister(parseCsv("Name,Status,Emails\nJo,Observed,jo@example.org\n"), { defaultPolicy: "council-ccm-2014" });
    expect(r.rows[0].customer.policyId).toBe("council-ccm-2014");
  });
});
