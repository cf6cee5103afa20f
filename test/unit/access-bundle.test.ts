// The subject access bundle's pure builders: CRC-32 and the stored ZIP (read back as unzip reads it), CSV quoting and
// formula cells, HTML escaping, staff names marked wherever they appear, words instead of column names, and the search
// box's reading of what was typed.
import { crc32 as nodeCrc32 } from "node:zlib";
import { accessBundle, bundleEntries } from "../../shared/access/bundle";
import { LIST_SPECS } from "../../shared/access/columns";
import { crc32 } from "../../shared/text/crc32";
import { csvCell, csvTable } from "../../shared/access/csv";
import { escapeHtml } from "../../shared/access/html";
import type { RawExport, RawItem } from "../../shared/access/raw";
import { classifySubjectQuery } from "../../shared/access/search-query";
import { zipStore } from "../../shared/access/zip";
import { PRESETS } from "../../shared/presets/registry";
import { unzip } from "../support/unzip";

const APP = { application: { displayName: "SharePoint App" }, user: { displayName: "SharePoint App" } };
const ADMIN = { user: { displayName: "Admin", email: "admin@upc.test" } };

function item(id: string, fields: Record<string, unknown>, versions?: RawItem["versions"]): RawItem {
  const f = { "@odata.etag": `"{AAAA},${id}"`, id, ContentType: "Item", _UIVersionString: "1.0", ...fields };
  return { id, createdDateTime: "2026-06-01T09:00:00Z", fields: f, versions: versions ?? [{ id: "1.0", lastModifiedDateTime: "2026-06-01T09:00:00Z", lastModifiedBy: APP, fields: f }] };
}

/** A UpcCaseEvents row as the case service writes it (graph/caselog/event-rows.ts eventToFields). */
function step(seq: number, event: { type: string } & Record<string, unknown>, actor = "kim.officer@upc.test", offices = "Staff"): RawItem {
  const fields = { Title: `42:${seq}`, CustomerLookupId: "42", Seq: seq, Type: event.type, Event: JSON.stringify(event), Actor: actor, ActorOffices: offices, At: `2026-06-0${seq}T10:00:00Z`, IdempotencyKey: `key-${seq}`, PresetVersion: "2014.1", Owed: "[]" };
  // The log is never changed, so the export reads no versions of it.
  return { ...item(String(100 + seq), fields), versions: [] };
}
const OPENED = { name: "Jo Bloggs", kind: "Individual", policyId: "council-ccm-2014", serviceAreas: "Waste", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" };
const LOG: RawItem[] = [
  step(4, { type: "DetailsChanged", changes: { adjustments: "Large print." }, reason: "Asked for letters in large print." }, "dee.decider@upc.test", "Decider,Staff"),
  step(1, { type: "Opened", customer: OPENED, identities: [{ kind: "Email", value: "jo@example.org" }] }),
  step(2, { type: "Warn", level: "Informal", note: "Spoke to <b>Jo</b> about the tone; Kim Officer to take calls." }),
  // Typed by hand in SharePoint: an Event that is not a step. It must not stop the export.
  { ...step(3, { type: "Warn" }), fields: { ...step(3, { type: "Warn" }).fields, Event: '{"type":"Warn","level":"Stern"' } },
  { ...item("199", { Title: "typed in SharePoint" }), versions: [] },
  step(5, { type: "RestrictionExpired" }, "upc-service", "system"),
];
const OUTBOX: RawItem[] = [
  { ...item("61", { Title: "42/1:0", CustomerLookupId: "42", Kind: "SpocNotice", Recipients: "kim.officer@upc.test\nmo.manager@upc.test", Subject: "A mail from UPC-0042 broke a restriction", Body: "Jo wrote to the bins team.", State: "Done", DoneAt: "2026-06-05T10:30:00Z", Attempts: 1, InternetMessageId: "<x@y>" }), versions: [] },
  { ...item("62", { Title: "42/4:0", CustomerLookupId: "42", Kind: "Letter", Recipients: "jo@example.org", Subject: "Your contact with the council", Body: "Dear Jo", State: "Owed" }), versions: [] },
];

const SUBJECT = `<img src=x onerror=alert(1)> "Bins", again`;
const customer = { Title: "Jo <script>alert(1)</script> Bloggs", CaseRef: "UPC-0042", Kind: "Individual", Status: "Restricted", PolicyId: "council-ccm-2014", SpocName: "Kim Officer", SpocUpn: "kim.officer@upc.test", StaffGuidance: "Pass calls to Kim Officer." };
const RAW: RawExport & { kind: string; customerId: string; counts: Record<string, number> } = {
  kind: "UPC subject access export",
  exportedAt: "2026-07-15T23:30:00Z",
  exportedBy: "mo.manager@upc.test",
  customerId: "42",
  caseRef: "UPC-0042",
  counts: {},
  notes: ["Mail in staff mailboxes is not part of this export: search the mailboxes for the customer's addresses as well."],
  lists: {
    UpcCustomers: [
      item("42", customer, [
        { id: "1.0", lastModifiedDateTime: "2026-06-01T09:00:00Z", lastModifiedBy: APP, fields: { ...customer, Status: "Monitoring", CustomerLookupId: "42" } },
        { id: "2.0", lastModifiedDateTime: "2026-06-20T13:05:00Z", lastModifiedBy: ADMIN, fields: { ...customer, Adjustments: "Large print." } },
        { id: "3.0", lastModifiedDateTime: "2026-06-21T09:00:00Z", lastModifiedBy: APP, fields: customer },
      ]),
    ],
    UpcIdentities: [item("7", { Title: "jo@example.org", Kind: "Email", CustomerLookupId: "42" })],
    UpcContacts: [
      item("9", { Title: "=HYPERLINK(\"http://x\")", ContactAt: "2026-06-03T08:00:00Z", Channel: "Email", Direction: "In", StaffUpn: "sam.officer@upc.test", Recipients: "mo.manager@upc.test; jo@example.org", CustomerLookupId: "42", MessageId: "<m1@x>" }),
      item("8", { Title: SUBJECT, ContactAt: "2026-06-02T08:00:00Z", Channel: "InPerson", Direction: "Out", StaffUpn: "kim.officer@upc.test", Behaviours: ["abusive"], CustomerLookupId: "42" }),
    ],
    UpcCases: [item("3", { Title: "Restrict decision: UPC-0042", Stage: "Decided", Outcome: "Restrict", DecidedBy: "dee.decider@upc.test", Participants: '["dee.decider@upc.test","remi.reviewer@upc.test"]', Evidence: '["8","9"]', VulnerabilityConsidered: true, Key: "42/dec:1" })],
    UpcRestrictions: [item("5", { Title: "Contact only through Kim Officer", Kind: "NamedOfficer", State: "Active", Params: '{"kind":"NamedOfficer","target":{"kind":"Person","upn":"kim.officer@upc.test","name":"Kim Officer"}}', StartsAt: "2026-06-21T10:00:00Z" })],
    UpcReviews: [],
    UpcLetters: [],
    UpcCaseEvents: LOG,
    UpcOutbox: OUTBOX,
    UpcSensitive: { withheld: "Health and vulnerability notes are readable by deciders only: ask a decider to run the export to include them." },
  },
};

describe("CRC-32 and the stored ZIP", () => {
  it("computes CRC-32 as zlib does", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const bytes = new Uint8Array(5000).map((_, i) => (i * 7919) % 256);
    expect(crc32(bytes)).toBe(nodeCrc32(bytes) >>> 0);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("is read back only when intact: the reader checks each file's CRC", () => {
    const zip = zipStore([{ name: "a.txt", content: "Seán" }], new Date());
    zip[31 + "a.txt".length] ^= 1;
    expect(() => unzip(zip)).toThrow(/CRC-32 does not match/);
  });

  it("writes an archive whose directory, headers, sizes and CRCs read back, with UTF-8 names", () => {
    const zip = zipStore([{ name: "summary.html", content: "<p>Seán</p>" }, { name: "Wałęsa.csv", content: "a,b\r\n" }, { name: "empty.txt", content: "" }], new Date("2026-07-15T23:30:00Z"));
    const files = unzip(zip);
    expect(files.map((f) => [f.name, f.method, f.text])).toEqual([
      ["summary.html", 0, "<p>Seán</p>"],
      ["Wałęsa.csv", 0, "a,b\r\n"],
      ["empty.txt", 0, ""],
    ]);
    // The UK date (16 July, 00:30 in summer time) in the MS-DOS stamp.
    const dosDate = Buffer.from(zip).readUInt16LE(12);
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2026, 7, 16]);
  });
});

describe("CSV", () => {
  it("quotes as RFC 4180 and keeps formulas from running", () => {
    expect(csvCell('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvCell("+44 20")).toBe("'+44 20");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell('=HYPERLINK("x"),y')).toBe(`"'=HYPERLINK(""x""),y"`);
    expect(csvCell(-3)).toBe("-3");
    expect(csvTable(["A", "B"], [["1", "x,y"]])).toBe('A,B\r\n1,"x,y"\r\n');
  });
});

describe("the readable bundle", () => {
  const files = Object.fromEntries(bundleEntries(RAW).map((e) => [e.name, String(e.content)]));
  const html = files["summary.html"];

  it("holds a summary, a CSV for each list read and the raw export untouched", () => {
    expect(Object.keys(files)).toEqual(["summary.html", "customer.csv", "addresses.csv", "contacts.csv", "referrals-and-decisions.csv", "restrictions.csv", "reviews-and-appeals.csv", "letters.csv", "case-log.csv", "notices-sent.csv", "raw.json"]);
    expect(JSON.parse(files["raw.json"])).toEqual(RAW);
    const bundle = accessBundle(RAW);
    expect(bundle.fileName).toBe("subject-access-UPC-0042-2026-07-16.zip");
    expect(unzip(bundle.bytes).map((f) => f.name)).toEqual(bundle.files);
  });

  it("escapes every piece of text: a subject or a name holding markup is shown, never run", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("Jo &lt;script&gt;alert(1)&lt;/script&gt; Bloggs");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;Bins&quot;, again");
  });

  it("says everything in words: UK dates, spelt-out choices, labels, and no SharePoint bookkeeping or column names", () => {
    expect(html).toContain("<dt>Case reference</dt><dd>UPC-0042</dd>");
    expect(html).toContain("<dt>Prepared on</dt><dd>16 July 2026</dd>");
    expect(html).toContain("<dt>When</dt><dd>2 June 2026, 09:00</dd>");
    expect(html).toContain("<dt>How</dt><dd>In person</dd>");
    expect(html).toContain("<dt>Direction</dt><dd>To the customer</dd>");
    expect(html).toContain("<dt>Evidence chosen</dt><dd>2 logged contacts</dd>");
    expect(html).toContain("<dt>Vulnerability considered</dt><dd>Yes</dd>");
    expect(html).toContain("<dt>State</dt><dd>In force</dd>");
    expect(html).toMatch(/Not included: Health and vulnerability notes are readable by deciders only/);
    expect(html).toContain("20 June 2026, 14:05: changed by <mark>admin@upc.test</mark>. Status: from “Monitoring” to “Restricted”. Reasonable adjustments: set to “Large print.”.");
    expect(html).toContain("changed by the case register&#39;s service (automatically). Reasonable adjustments: “Large print.” taken out.");
    // Oldest contact first.
    expect(html.indexOf("2 June 2026, 09:00")).toBeLessThan(html.indexOf("3 June 2026, 09:00"));
    expect(html).not.toContain("@odata");
    for (const key of [...LIST_SPECS.flatMap((s) => s.columns.map((c) => c.key)), "CustomerLookupId", "MessageId", "ContentType", "_UIVersionString"].filter((k) => /[a-z][A-Z]|^_/.test(k))) {
      expect(html, key).not.toContain(key);
    }
  });

  it("marks every staff name and address, wherever it appears, and never the customer's own address", () => {
    expect(html).toContain("Staff names and addresses are marked like this</mark>: review each one before the bundle is released.");
    expect(html).toContain("<dt>Staff member</dt><dd><mark>kim.officer@upc.test</mark></dd>");
    expect(html).toContain("<dd>Contact only through <mark>Kim Officer</mark></dd>");
    expect(html).toContain("<dd>Pass calls to <mark>Kim Officer</mark>.</dd>");
    expect(html).toContain("<dd><mark>mo.manager@upc.test</mark>; jo@example.org</dd>");
    expect(html).toContain("<mark>dee.decider@upc.test</mark>; <mark>remi.reviewer@upc.test</mark>");
    expect(html).toContain("<dt>Prepared by</dt><dd><mark>mo.manager@upc.test</mark></dd>");
    expect(html).not.toContain("<mark>jo@example.org</mark>");
    expect(html).toContain("recorded by the case register&#39;s service (automatically)");
  });

  it("writes each CSV with headers in words, formula cells neutralised and the row's staff names to review", () => {
    const lines = files["contacts.csv"].replace(/^\ufeff/, "").split("\r\n");
    expect(lines[0]).toBe(
      "When,Subject or summary,How,Direction,Staff member,Addressed to,Service area,Matter,Behaviours noted,Minutes,Restriction it went against,Screening,Recorded through,Notes,Staff names and addresses in this row (review before release)",
    );
    const abusive = PRESETS.flatMap((p) => p.behaviours.items).find((b) => b.id === "abusive")!.label;
    expect(lines[1]).toBe(`"2 June 2026, 09:00","<img src=x onerror=alert(1)> ""Bins"", again",In person,To the customer,kim.officer@upc.test,,,,${abusive},,,,,,kim.officer@upc.test`);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines[2].endsWith("sam.officer@upc.test; mo.manager@upc.test")).toBe(true);
    expect(files["customer.csv"]).toContain("Name,Case reference,Kind of customer,Status,Policy applied");
  });
});

describe("the case's log and the notices sent, in the bundle", () => {
  const files = Object.fromEntries(bundleEntries(RAW).map((e) => [e.name, String(e.content)]));
  const html = files["summary.html"];
  const log = html.slice(html.indexOf("The case&#39;s log: every step taken</h2>"), html.indexOf("Notices sent</h2>"));

  it("tells every step in words, oldest first: when, who (staff marked) and what happened with its reasons", () => {
    expect(html).toContain("<li>The case&#39;s log: every step taken: 6 records</li>");
    expect(log).toContain("<h3>Step 1 of 6</h3><dl><dt>When</dt><dd>1 June 2026, 11:00</dd><dt>Who took the step</dt><dd><mark>kim.officer@upc.test</mark></dd><dt>What happened</dt><dd>Contact log started</dd></dl>");
    expect(log).toContain("<dd>Informal warning: Spoke to &lt;b&gt;Jo&lt;/b&gt; about the tone; <mark>Kim Officer</mark> to take calls.</dd>");
    // After the unreadable step 3 nothing can be replayed, so a change of details says only what it set.
    expect(log).toContain("<dd>Details changed: Asked for letters in large print.</dd><dt>What changed</dt><dd>Reasonable adjustments: set to “Large print.”</dd>");
    expect(log).toContain("<dt>Who took the step</dt><dd><mark>dee.decider@upc.test</mark></dd>");
    expect(log).toContain("<dt>Who took the step</dt><dd>the case service</dd><dt>What happened</dt><dd>Restrictions lapsed at their review date</dd>");
    expect(log.indexOf("Contact log started")).toBeLessThan(log.indexOf("Informal warning"));
    expect(log.indexOf("Details changed")).toBeLessThan(log.indexOf("Restrictions lapsed"));
    expect(html).not.toContain("upc-service");
  });

  it("lists a row that does not read as a step that could not be read, in its place, and still tells the rest", () => {
    expect(log).toContain("<h3>Step 3 of 6</h3><dl><dt>When</dt><dd>3 June 2026, 11:00</dd><dt>Who took the step</dt><dd><mark>kim.officer@upc.test</mark></dd><dt>What happened</dt><dd>A step that could not be read. What it holds, exactly as stored: “{&quot;type&quot;:&quot;Warn&quot;,&quot;level&quot;:&quot;Stern&quot;”</dd>");
    // A row with nothing readable at all comes last, and says so.
    expect(log).toContain("<h3>Step 6 of 6</h3><dl><dt>What happened</dt><dd>A step that could not be read. It holds no description of the step.</dd></dl>");
    expect(log.match(/A step that could not be read/g)).toHaveLength(2);
    // The steps after the unreadable one are still told from what they hold.
    expect(log).toContain("Details changed: Asked for letters in large print.");
  });

  it("lists each notice: when it was sent, to whom (staff marked, the customer not), and what it was about in words", () => {
    const notices = html.slice(html.indexOf("Notices sent</h2>"));
    expect(notices).toContain("<dt>Sent</dt><dd>5 June 2026, 11:30</dd><dt>Sent to</dt><dd><mark>kim.officer@upc.test</mark>; <mark>mo.manager@upc.test</mark></dd><dt>Kind of notice</dt><dd>Notice to the single point of contact</dd><dt>Subject</dt><dd>A mail from UPC-0042 broke a restriction</dd><dt>State</dt><dd>Sent</dd>");
    expect(notices).toContain("<dt>Sent to</dt><dd>jo@example.org</dd><dt>Kind of notice</dt><dd>Letter</dd><dt>Subject</dt><dd>Your contact with the council</dd><dt>State</dt><dd>Not sent yet</dd>");
  });

  it("names no internal column, key or step type", () => {
    for (const internal of ["IdempotencyKey", "PresetVersion", "ActorOffices", "CustomerLookupId", "InternetMessageId", "DoneAt", "SpocNotice", "RestrictionExpired", "DetailsChanged", "key-1", "2014.1", "42:1", "42/1:0"]) {
      expect(html, internal).not.toContain(internal);
    }
  });

  it("writes a spreadsheet of the log and of the notices, headers in words", () => {
    const logCsv = files["case-log.csv"].replace(/^\ufeff/, "").split("\r\n");
    expect(logCsv[0]).toBe("When,Who took the step,What happened,What changed,Staff names and addresses in this row (review before release)");
    expect(logCsv).toHaveLength(1 + 6 + 1);
    expect(logCsv[2]).toBe('"2 June 2026, 11:00",kim.officer@upc.test,Informal warning: Spoke to <b>Jo</b> about the tone; Kim Officer to take calls.,,kim.officer@upc.test; Kim Officer');
    expect(logCsv[3]).toMatch(/^"3 June 2026, 11:00",kim\.officer@upc\.test,"A step that could not be read\./);
    const noticesCsv = files["notices-sent.csv"].replace(/^\ufeff/, "").split("\r\n");
    expect(noticesCsv[0]).toBe("Sent,Sent to,Kind of notice,Subject,State,Text of the notice,Staff names and addresses in this row (review before release)");
    expect(noticesCsv).toHaveLength(1 + 2 + 1);
  });
});

describe("the search box", () => {
  it("reads a case reference, an e-mail address, a telephone number or a name, and refuses what is neither in words", () => {
    expect(classifySubjectQuery(" upc-0007 ")).toEqual({ kind: "caseRef", value: "UPC-0007" });
    expect(classifySubjectQuery("Dana.Whitlock@Example.NET")).toEqual({ kind: "email", value: "dana.whitlock@example.net" });
    expect(classifySubjectQuery("07700 900123")).toEqual({ kind: "phone", value: "+447700900123" });
    expect(classifySubjectQuery("  O'Brien  ")).toEqual({ kind: "name", value: "O'Brien" });
    expect(classifySubjectQuery("@Vexford.Example")).toEqual({ kind: "domain", value: "@vexford.example" });
    expect(classifySubjectQuery("dana@")).toMatchObject({ kind: "invalid", reason: expect.stringMatching(/is not an e-mail address/) });
    expect(classifySubjectQuery("UPC-12")).toEqual({ kind: "invalid", reason: "A case reference looks like UPC-0007." });
    expect(classifySubjectQuery("D")).toMatchObject({ kind: "invalid", reason: expect.stringMatching(/first two letters/) });
    expect(classifySubjectQuery("")).toMatchObject({ kind: "invalid" });
  });
});
