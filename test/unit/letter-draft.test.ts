// Letter drafting from the preset's required elements: every element the register knows is written in, nothing the
// policy requires is ever assumed, and the letter is refused (by the workflow's own check) until it is complete.
import { draftLetter, draftMissing, letterText, presentElements, type LetterFacts } from "../../shared/letters/draft";
import { missingElements } from "../../shared/letters/elements";
import { getPreset, PRESETS } from "../../shared/presets/registry";
import { LETTER_KINDS } from "../../shared/domain/vocab";
import { newCaseFile, transition } from "../../shared/workflow";
import { dee } from "../support/actors";
import { noticeTitles } from "../../shared/workflow/follow-ups";

const cumbria = getPreset("cumbria-fire-2023")!;
const council = getPreset("council-ccm-2014")!;

const facts = (over: Partial<LetterFacts> = {}): LetterFacts => ({
  customerName: "Pat <b>O'Neill</b>",
  caseRef: "UPC-0042",
  decidedAt: "2027-03-01T10:00:00Z",
  reasons: "Twenty calls a week to four officers continued after a written warning.",
  behaviours: ["High volume of letters, e-mails or calls"],
  restrictions: [{ description: "Letters only", endsAt: null }, { description: "Calls limited to 15 minutes", endsAt: "2027-06-30T22:59:59.999Z" }],
  reviewDue: "2027-09-01T22:59:59.999Z",
  monitoring: null,
  spoc: { name: "Kim Officer", address: "kim.officer@upc.test" },
  sender: { name: "Dee Decider", title: null },
  ...over,
});

describe("draftLetter", () => {
  it("fills every element Cumbria's restriction letter requires, so it is complete as drafted", () => {
    const d = draftLetter(cumbria, "Restriction", facts());
    expect(d.sections.filter((s) => s.required).map((s) => s.element)).toEqual(["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"]);
    expect(draftMissing(cumbria, d)).toEqual([]);
    expect(missingElements(cumbria, "Restriction", presentElements(d))).toEqual([]);
    const text = letterText(d);
    expect(text).toContain("Dear Pat <b>O'Neill</b>,");
    expect(text).toContain("Twenty calls a week");
    expect(text).toContain("• Letters only");
    expect(text).toContain("• Calls limited to 15 minutes (until 30 June 2027)");
    expect(text).toContain("reviewed on 1 September 2027");
    // 14 days from the decision on 1 March: by the end of 15 March, as the workflow counts the window.
    expect(text).toContain("must reach us by 15 March 2027 (within 14 days of this decision)");
    expect(text).toContain("an independent senior manager");
    expect(text).toContain("Please write to us");
    expect(text).toContain("Ombudsman");
    expect(text).toContain("www.lgo.org.uk");
    expect(text).toContain("A copy of our policy");
    expect(text).toMatch(/Yours sincerely,\n\nDee Decider/);
    expect(d.subject).toBe("Your contact with Cumbria Fire and Rescue Service: our decision (UPC-0042)");
  });

  it("leaves an element empty when the register does not hold it, and the letter is refused until the writer fills it", () => {
    const d = draftLetter(council, "Monitoring", facts({ spoc: null, monitoring: { startsAt: "2027-03-01T10:00:00Z", endsAt: "2027-05-31T22:59:59.999Z" } }));
    expect(draftMissing(council, d)).toEqual(["spoc"]);
    const spoc = d.sections.find((s) => s.element === "spoc")!;
    expect(spoc.required).toBe(true);
    expect(spoc.text).toBe("");
    const refused = transition({ ...newCaseFile(council.id, "Monitoring"), lettersOwed: ["Monitoring"] }, { type: "LetterSent", kind: "Monitoring", elements: presentElements(d) }, { preset: council, actor: dee, now: new Date("2027-03-01T11:00:00Z") });
    expect(refused).toMatchObject({ ok: false, reason: expect.stringMatching(/single point of contact/) });
    const filled = { ...d, sections: d.sections.map((s) => (s.element === "spoc" ? { ...s, text: "Your single point of contact is the Customer Relations team." } : s)) };
    expect(draftMissing(council, filled)).toEqual([]);
    const sent = transition({ ...newCaseFile(council.id, "Monitoring"), lettersOwed: ["Monitoring"] }, { type: "LetterSent", kind: "Monitoring", elements: presentElements(filled) }, { preset: council, actor: dee, now: new Date("2027-03-01T11:00:00Z") });
    expect(sent.ok).toBe(true);
    expect(letterText(filled)).toContain("monitored from 1 March 2027 until 31 May 2027");
    expect(letterText(filled)).toMatch(/limiting the number of contacts/);
  });

  it("does not offer an appeal where the policy gives none, and says nothing about appeal dates it does not know", () => {
    const d = draftLetter(council, "Restriction", facts());
    expect(d.sections.some((s) => s.element === "howToAppeal" || s.element === "appealBy")).toBe(false);
    const soton = getPreset("southampton-2018")!;
    const s = draftLetter(soton, "Restriction", facts());
    expect(s.sections.find((x) => x.element === "howToAppeal")!.text).toMatch(/Service Director/);
    // Southampton states no appeal window: no "by" date is invented.
    expect(s.sections.some((x) => x.element === "appealBy")).toBe(false);
  });

  it("a section the writer empties takes its element out of the letter", () => {
    const d = draftLetter(cumbria, "Restriction", facts());
    const cut = { ...d, sections: d.sections.map((s) => (s.element === "ombudsman" ? { ...s, text: "   " } : s)) };
    expect(draftMissing(cumbria, cut)).toEqual(["ombudsman"]);
    expect(letterText(cut)).not.toContain("Ombudsman");
  });

  it("with no reasons recorded, 'why' is left for the writer rather than made up", () => {
    const d = draftLetter(cumbria, "Restriction", facts({ reasons: "  " }));
    expect(draftMissing(cumbria, d)).toEqual(["why"]);
  });

  it("a staff notice names the people the policy says are told, what applies, and that emergencies are still routed", () => {
    const d = draftLetter(council, "StaffNotice", facts({ staff: { recipients: noticeTitles(council, { staffNoticeTo: council.staffNotice!.audiences[0].offices }), guidance: "Pass every contact to Customer Relations." } }));
    const text = letterText(d);
    expect(text).toContain("To: the Chief Executive; Executive Directors; Heads of Service; Business Managers; Elected Members");
    expect(text).toContain("• Letters only");
    expect(text).toContain("Pass every contact to Customer Relations.");
    expect(text).toMatch(/Emergency calls .* are never blocked/);
    expect(d.subject).toBe("Staff notice: contact arrangements for Pat <b>O'Neill</b> (UPC-0042)");
    expect(draftMissing(council, d)).toEqual([]);
  });

  it("an appeal outcome says what was decided and what changed", () => {
    const soton = getPreset("southampton-2018")!;
    const d = draftLetter(soton, "AppealOutcome", facts({ outcome: { decision: "the decision is varied", changes: "From now on: e-mail to the Customer Relations inbox." } }));
    expect(draftMissing(soton, d)).toEqual([]);
    expect(letterText(d)).toContain("Our decision: the decision is varied. From now on: e-mail to the Customer Relations inbox.");
  });

  it("drafts every kind of letter under every preset without throwing, each with a subject and a greeting", () => {
    for (const p of PRESETS) {
      for (const kind of LETTER_KINDS) {
        const d = draftLetter(p, kind, facts({ monitoring: { startsAt: "2027-03-01T10:00:00Z", endsAt: "2027-05-31T22:59:59.999Z" } }));
        expect(d.subject).toContain("UPC-0042");
        expect(letterText(d).length).toBeGreaterThan(40);
        // Whatever the register could not supply is exactly what the completeness check still asks for.
        expect(draftMissing(p, d)).toEqual(missingElements(p, kind, presentElements(d)));
      }
    }
  });
});
