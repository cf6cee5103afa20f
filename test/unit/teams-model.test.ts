// The Teams tab's pure parts: who may decide what, typed restriction forms, the weekly chart, the queue's filters,
// the calendar's grouping, routes and the change history's diff.
import { getPreset } from "../../shared/presets/registry";
import { newCaseFile, type CaseFile } from "../../shared/workflow";
import type { Restriction } from "../../shared/domain/records";
import { decidableOutcomes, decidersInWords, reviewOptions } from "../../addin/teams/decide/options";
import { blankForm, checkDraft, summariseDrafts, type DraftForm } from "../../addin/teams/decide/drafts";
import { weeklyContacts } from "../../addin/teams/case/weekly";
import { filterQueue, NO_FILTER } from "../../addin/teams/queue/filter";
import { calendarGroups } from "../../addin/teams/reviews/calendar";
import { href, parseRoute } from "../../addin/teams/app/route";
import { diffVersions } from "../../graph/reports/history";
import type { QueueEntry } from "../../graph/reports/queue";
import { dee, rory, remi, sam } from "../support/actors";

const cumbria = getPreset("cumbria-fire-2023")!;
const council = getPreset("council-ccm-2014")!;
const NOW = new Date("2026-11-22T12:00:00Z");

const referred = (preset: string): CaseFile => ({ ...newCaseFile(preset, "Referred"), referral: { at: "2026-11-01T00:00:00Z", by: sam.upn, behaviours: [], serviceArea: "", summary: "", evidenceContactIds: [] } });

describe("who sees which decision", () => {
  it("only the role the preset names sees the controls", () => {
    expect(decidableOutcomes(cumbria, referred(cumbria.id), dee.roles)).toEqual(["Declined", "Restrict"]);
    expect(decidableOutcomes(cumbria, referred(cumbria.id), sam.roles)).toEqual([]);
    expect(decidableOutcomes(cumbria, referred(cumbria.id), rory.roles)).toEqual([]);
    expect(decidersInWords(cumbria, referred(cumbria.id))).toEqual(["a senior manager"]);
  });
  it("the council's sanctions appear only once monitoring has ended as unacceptable", () => {
    expect(decidableOutcomes(council, referred(council.id), dee.roles)).toEqual(["Declined", "Monitor"]);
    const monitoring: CaseFile = { ...newCaseFile(council.id, "Monitoring"), monitoring: { startsAt: "2026-08-01T00:00:00Z", endsAt: "2026-11-01T00:00:00Z", outcome: null } };
    expect(decidableOutcomes(council, monitoring, dee.roles)).toEqual([]);
    expect(decidableOutcomes(council, { ...monitoring, monitoring: { ...monitoring.monitoring!, outcome: "Unacceptable" } }, dee.roles)).toEqual(["Extend", "Restrict"]);
  });
  it("someone who took part in the decision may not hear the appeal or carry out the review", () => {
    const restricted: CaseFile = {
      ...newCaseFile(cumbria.id, "Restricted"),
      decisions: [{ outcome: "Restrict", at: "2026-11-01T00:00:00Z", by: remi.upn, participants: [remi.upn], reasons: "x" }],
      reviews: [
        { kind: "ScheduledReview", openedAt: "2026-11-01T00:00:00Z", dueBy: "2027-05-01T00:00:00Z", outcome: null, by: null, decidedAt: null, reasons: null },
        { kind: "Appeal", openedAt: "2026-11-05T00:00:00Z", dueBy: "2026-12-03T00:00:00Z", outcome: null, by: null, decidedAt: null, reasons: null },
      ],
    };
    const byRemi = reviewOptions(cumbria, restricted, remi);
    expect(byRemi).toMatchObject({ canHearAppeal: false, canReview: false, canLodgeAppeal: false });
    expect(byRemi.appealConflict).toMatch(/took part in the decision under appeal/);
    expect(reviewOptions(cumbria, restricted, rory)).toMatchObject({ canHearAppeal: true, canReview: true, appealConflict: null });
    expect(reviewOptions(cumbria, restricted, dee)).toMatchObject({ canHearAppeal: false, appealConflict: null });
    const noAppeal = { ...restricted, reviews: restricted.reviews.slice(0, 1) };
    expect(reviewOptions(cumbria, noAppeal, sam).canLodgeAppeal).toBe(true);
    expect(reviewOptions(council, { ...noAppeal, presetId: council.id }, sam).canLodgeAppeal).toBe(false);
  });
});

describe("typed restriction forms", () => {
  const form = (f: DraftForm["form"], endsOn = ""): DraftForm => ({ key: 1, form: f, endsOn });
  it("each kind builds valid parameters, described in plain words", () => {
    expect(checkDraft(form(blankForm("SingleChannel")), NOW)).toMatchObject({ ok: true, words: "Letters only", draft: { params: { kind: "SingleChannel", channel: "Letter" }, endsAt: null } });
    expect(checkDraft(form({ kind: "NamedOfficer", target: "Inbox", officer: [], name: "Customer Relations", address: "Customer.Relations@upc.test", deputy: [] }), NOW)).toMatchObject({ ok: true, words: "Contact only through the Customer Relations inbox" });
    expect(checkDraft(form({ kind: "CallSlots", slots: [{ day: "Tue", from: "10:00", to: "12:00" }, { day: "Thu", from: "14:00", to: "15:00" }] }), NOW)).toMatchObject({ ok: true, words: "Calls only Tuesday 10:00–12:00 or Thursday 14:00–15:00" });
    expect(checkDraft(form({ kind: "ContactQuota", max: "2", per: "Month", channel: "Email" }), NOW)).toMatchObject({ ok: true, words: "At most 2 contacts a month, by e-mail" });
    expect(checkDraft(form({ kind: "NoSameMatter", matters: "EST-2291, EST-2292" }), NOW)).toMatchObject({ ok: true, draft: { params: { matterRefs: ["EST-2291", "EST-2292"] } } });
    expect(checkDraft(form({ kind: "PremisesAccess", premises: "Fire HQ", byAppointment: true }), NOW)).toMatchObject({ ok: true, words: "No access to Fire HQ without an appointment" });
    expect(checkDraft(form({ kind: "BlockElectronic", includePhone: true }), NOW)).toMatchObject({ ok: true, words: "Phone and electronic contact blocked" });
    expect(checkDraft(form({ kind: "NoContact" }, "2027-01-31"), NOW)).toMatchObject({ ok: true, words: "No contact until 23:59 on 31 January 2027", draft: { endsAt: "2027-01-31T23:59:59.999Z" } });
  });
  it("refuses incomplete forms in words", () => {
    expect(checkDraft(form({ kind: "NamedOfficer", target: "Person", officer: [], name: "", address: "", deputy: [] }), NOW)).toMatchObject({ ok: false, problems: ["Choose the named officer: type part of their name and pick them from the list."] });
    expect(checkDraft(form({ kind: "CallSlots", slots: [{ day: "Tue", from: "12:00", to: "10:00" }] }), NOW)).toMatchObject({ ok: false, problems: ["A call slot must end after it starts"] });
    expect(checkDraft(form({ kind: "CallLength", maxMinutes: "" }), NOW)).toMatchObject({ ok: false, problems: ["Give the longest a call may last, in whole minutes."] });
    expect(checkDraft(form({ kind: "NoContact" }), NOW)).toMatchObject({ ok: false, problems: ["A no-contact restriction is for a period: give the date it ends."] });
    expect(checkDraft(form(blankForm("Witness"), "2026-11-22"), NOW)).toMatchObject({ ok: false, problems: ["The end date must be after today."] });
  });
  it("flags a clash with a recorded reasonable adjustment, and gives the review date the preset sets", () => {
    const s = summariseDrafts(cumbria, [form(blankForm("SingleChannel"))], "Uses e-mail because of dyslexia.", NOW);
    expect(s.conflicts).toEqual(["Letters only conflicts with the recorded adjustment: 'Uses e-mail because of dyslexia'"]);
    expect(s.reviewDue).toBe("2027-05-22T22:59:59.999Z");
    const council1 = summariseDrafts(council, [form({ kind: "ContactQuota", max: "2", per: "Week", channel: "" })], "", NOW);
    expect(council1.reviewDue).toBeNull();
    expect(summariseDrafts(council, [form({ kind: "ContactQuota", max: "2", per: "Week", channel: "" }, "2027-02-20")], "", NOW).reviewDue).toBe("2027-02-20T23:59:59.999Z");
  });
});

describe("the weekly contact chart", () => {
  const quota = (per: "Week" | "Month"): Restriction => ({ id: "R1", title: "", customerId: "1", kind: "ContactQuota", params: { kind: "ContactQuota", max: 3, per, channel: "Email" }, startsAt: "2026-10-01T00:00:00Z", endsAt: null, state: "Active" });
  const contacts = [
    { contactAt: "2026-11-20T10:00:00Z", channel: "Email" as const, direction: "In" as const },
    { contactAt: "2026-11-17T10:00:00Z", channel: "Phone" as const, direction: "In" as const },
    { contactAt: "2026-11-16T23:30:00Z", channel: "Email" as const, direction: "Out" as const },
    { contactAt: "2026-10-02T10:00:00Z", channel: "Letter" as const, direction: "In" as const },
    { contactAt: "2025-10-02T10:00:00Z", channel: "Letter" as const, direction: "In" as const },
  ];
  it("buckets contacts into UK weeks by channel, with a weekly quota drawn from when it started", () => {
    const c = weeklyContacts(contacts, [quota("Week")], NOW);
    expect(c.weeks).toHaveLength(13);
    expect(c.weeks.at(-1)).toMatchObject({ start: "2026-11-16T00:00:00.000Z", total: 3 });
    expect(c.weeks.at(-1)!.byChannel).toMatchObject({ Email: 2, Phone: 1 });
    expect(c.weeks.reduce((s, w) => s + w.total, 0)).toBe(4);
    expect(c.channels).toEqual(["Email", "Phone", "Letter"]);
    expect(c.quotas).toEqual([expect.objectContaining({ label: "Limit: At most 3 contacts a week, by e-mail", per: "Week", max: 3 })]);
  });
  it("a monthly quota is drawn per month, with the contacts that counted toward it", () => {
    const c = weeklyContacts(contacts, [quota("Month")], NOW);
    const nov = c.quotas[0].months.find((m) => m.label === "November 2026")!;
    expect(nov.count).toBe(1); // our reply and the phone call do not use an e-mail allowance
  });
});

describe("queue filters, calendar, routes", () => {
  const e = (over: Partial<QueueEntry>): QueueEntry => ({ caseId: "1", customerId: "1", caseRef: "UPC-0001", customerName: "A", policyId: "cumbria-fire-2023", organisation: "", serviceArea: "Fire Safety", behaviours: [{ id: "high-volume", label: "High volume" }], evidenceCount: 0, referredAt: "", referredBy: "", ageDays: 3, summary: "", ...over });
  it("filters by text, area, policy, behaviour and age", () => {
    const list = [e({}), e({ caseId: "2", customerName: "Seán O'Brien", caseRef: "UPC-0009", serviceArea: "Prevention", ageDays: 30, behaviours: [] })];
    expect(filterQueue(list, { ...NO_FILTER, text: "o'brien" }).map((x) => x.caseId)).toEqual(["2"]);
    expect(filterQueue(list, { ...NO_FILTER, text: "upc-0001" }).map((x) => x.caseId)).toEqual(["1"]);
    expect(filterQueue(list, { ...NO_FILTER, serviceArea: "Prevention" }).map((x) => x.caseId)).toEqual(["2"]);
    expect(filterQueue(list, { ...NO_FILTER, behaviour: "high-volume" }).map((x) => x.caseId)).toEqual(["1"]);
    expect(filterQueue(list, { ...NO_FILTER, minAge: "28" }).map((x) => x.caseId)).toEqual(["2"]);
  });
  it("groups the calendar: overdue first, then by UK month", () => {
    const base = { reviewId: "1", kind: "ScheduledReview" as const, customerId: "1", caseRef: "", customerName: "", policyId: "", openedAt: "", reviewer: null, daysLeft: 0 };
    const groups = calendarGroups([
      { ...base, reviewId: "a", dueBy: "2026-11-01T00:00:00Z", overdue: true },
      { ...base, reviewId: "b", dueBy: "2026-11-30T23:30:00Z", overdue: false },
      { ...base, reviewId: "c", dueBy: "2027-01-05T00:00:00Z", overdue: false },
    ]);
    expect(groups.map((g) => [g.title, g.entries.map((x) => x.reviewId)])).toEqual([["Overdue", ["a"]], ["Due in November 2026", ["b"]], ["Due in January 2027", ["c"]]]);
  });
  it("routes round-trip and anything unknown goes to the queue", () => {
    for (const r of [{ view: "queue" }, { view: "case", id: "12" }, { view: "reviews" }, { view: "reports" }, { view: "access" }, { view: "access", id: "7" }] as const) expect(parseRoute(href(r))).toEqual(r);
    expect(parseRoute("#/case/<script>")).toEqual({ view: "queue" });
    expect(parseRoute("")).toEqual({ view: "queue" });
  });
});

describe("change history", () => {
  it("the first version says what was set, later ones what changed; SharePoint's own columns are left out", () => {
    const v = (id: string, by: string, fields: Record<string, unknown>) => ({ id, lastModifiedDateTime: `2026-11-0${id[0]}T10:00:00Z`, lastModifiedBy: { user: { email: by } }, fields: { Modified: id, _UIVersionString: id, ...fields } });
    const h = diffVersions("customers", "5", "Customer record UPC-0005", [v("2.0", "dee@x", { Status: "Restricted", Title: "A" }), v("1.0", "sam@x", { Status: "Referred", Title: "A" }), v("3.0", "mo@x", { Status: "Restricted", Title: "A" })]);
    expect(h.map((e) => [e.version, e.by, e.created, e.changes])).toEqual([
      ["2.0", "dee@x", false, [{ field: "Status", from: "Referred", to: "Restricted" }]],
      ["1.0", "sam@x", true, [{ field: "Status", from: "", to: "Referred" }, { field: "Title", from: "", to: "A" }]],
    ]);
  });
});
