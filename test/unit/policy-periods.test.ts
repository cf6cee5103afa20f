// Periods as the policy texts give them: calendar months, "or less" with a reason, monitoring from the letter's
// receipt, per-customer review periods, a set period after local resolution, and what follows a no-contact period.
import { getPreset } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { historyOf, replayLog, type StepEvent, type StoredEvent } from "../../shared/register";
import { DEFAULT_SETTINGS, lettersInForce, parseSettings, type OrganisationSettings } from "../../shared/settings/organisation";
import { addCalendarPeriod } from "../../shared/time/calendar";
import { newCaseFile, transition, type Actor, type CaseFile, type WorkflowEvent } from "../../shared/workflow";
import { dueAfterPeriod } from "../../shared/workflow/deadlines";
import { draftLetter, letterText, type LetterFacts } from "../../shared/letters/draft";
import { dan, dee, mo, sam, scheduler } from "../support/actors";

const CCM = getPreset("council-ccm-2014")!;
const SOTON = getPreset("southampton-2018")!;
const CUMBRIA = getPreset("cumbria-fire-2023")!;

type Step = [string, Actor, WorkflowEvent];
function run(preset: Preset, steps: Step[], start: CaseFile = newCaseFile(preset.id), settings: OrganisationSettings = DEFAULT_SETTINGS): CaseFile {
  let file = start;
  for (const [when, actor, event] of steps) {
    const r = transition(file, event, { preset, actor, now: new Date(when), settings });
    if (!r.ok) throw new Error(`${event.type} on ${when} was refused: ${r.reason}`);
    file = r.file;
  }
  return file;
}
function attempt(preset: Preset, file: CaseFile, when: string, actor: Actor, event: WorkflowEvent, settings: OrganisationSettings = DEFAULT_SETTINGS) {
  return transition(file, event, { preset, actor, now: new Date(when), settings });
}
function refusal(preset: Preset, file: CaseFile, when: string, actor: Actor, event: WorkflowEvent): string {
  const r = attempt(preset, file, when, actor, event);
  if (r.ok) throw new Error(`expected ${event.type} to be refused`);
  return r.reason;
}
const checks = (p: Preset) => Object.fromEntries(p.preChecks.items.map((c) => [c.id, true]));
const elements = (p: Preset, kind: string) => p.letters.find((l) => l.kind === kind)!.elements;
const monitorEvent = (extra: Partial<Extract<WorkflowEvent, { type: "Decide" }>> = {}): WorkflowEvent => ({
  type: "Decide",
  outcome: "Monitor",
  reasons: "Daily e-mails to twelve officers.",
  preChecks: checks(CCM),
  vulnerabilityConsidered: true,
  jointly: ["mo.manager@upc.test"],
  ...extra,
});
const emailed = (kind: "Monitoring" | "StaffNotice" | "Restriction"): WorkflowEvent => ({
  type: "LetterSent",
  kind,
  elements: elements(CCM, kind),
  content: { title: kind, body: "…", channel: "Email", to: ["customer@example.org"] },
});

function ccmReferred(when = "2027-01-04T09:00:00Z"): CaseFile {
  return run(CCM, [[when, sam, { type: "Refer", behaviours: ["unreasonably-persistent"], serviceArea: "Planning", summary: "Daily e-mails about one application." }]]);
}

describe("calendar months (004_4a3366f45c554bec.txt §6: “monitored for a period of three months”)", () => {
  it("counts three months as calendar months: 15 Jan → 15 Apr, 31 Jan → 30 Apr, 30 Nov → 28 Feb", () => {
    expect(addCalendarPeriod("2027-01-15", { unit: "months", count: 3 })).toBe("2027-04-15");
    expect(addCalendarPeriod("2027-01-31", { unit: "months", count: 3 })).toBe("2027-04-30");
    expect(addCalendarPeriod("2026-11-30", { unit: "months", count: 3 })).toBe("2027-02-28");
    expect(addCalendarPeriod("2027-01-15", { unit: "days", count: 28 })).toBe("2027-02-12");
    // Due by the end of the London day: 15 April is in summer time.
    expect(dueAfterPeriod(new Date("2027-01-15T12:00:00Z"), { unit: "months", count: 3 }).toISOString()).toBe("2027-04-15T22:59:59.999Z");
  });

  it("monitoring decided and e-mailed on 31 January runs to the end of 30 April, not 91 days (2 May)", () => {
    const file = run(CCM, [["2027-01-31T09:00:00Z", dee, monitorEvent()], ["2027-01-31T10:00:00Z", dee, emailed("Monitoring")]], ccmReferred("2027-01-30T09:00:00Z"));
    expect(file.monitoring).toMatchObject({ startsAt: "2027-01-31T10:00:00.000Z", endsAt: "2027-04-30T22:59:59.999Z", period: { unit: "months", count: 3 } });
    expect(file.reviews.find((r) => r.kind === "MonitoringEnd")?.dueBy).toBe("2027-04-30T22:59:59.999Z");
  });

  it("reviews every 6 months (cumbria 001 2.2) and yearly (southampton 002 Review) in calendar months", () => {
    const restricted = run(
      CUMBRIA,
      [
        ["2027-01-31T09:00:00Z", mo, { type: "Warn", level: "Formal", note: "Forty e-mails a week is unacceptable." }],
        ["2027-01-31T09:10:00Z", sam, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Fire Safety", summary: "Forty e-mails a week." }],
        ["2027-01-31T10:00:00Z", dee, { type: "Decide", outcome: "Restrict", reasons: "Volume continues after a warning.", preChecks: checks(CUMBRIA), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] }],
      ],
    );
    // 31 January + 6 months is 31 July.
    expect(restricted.reviewDue).toBe("2027-07-31T22:59:59.999Z");
  });
});

describe("“or less if deemed appropriate” (004_4a3366f45c554bec.txt §6): a shorter period with a reason", () => {
  it("accepts a shorter period with its reason, records it on the decision and says it in the letter", () => {
    const file = run(CCM, [["2027-01-05T09:00:00Z", dee, monitorEvent({ period: { months: 2, reason: "The planning application is decided in March." } })], ["2027-01-05T10:00:00Z", dee, emailed("Monitoring")]], ccmReferred());
    expect(file.decisions.at(-1)?.period).toEqual({ period: { unit: "months", count: 2 }, reason: "The planning application is decided in March." });
    expect(file.monitoring).toMatchObject({ endsAt: "2027-03-05T23:59:59.999Z", period: { unit: "months", count: 2 }, reason: "The planning application is decided in March." });
    const facts: LetterFacts = {
      customerName: "A Customer",
      caseRef: "UPC-0001",
      decidedAt: file.decisions.at(-1)!.at,
      reasons: "x",
      behaviours: [],
      restrictions: [],
      reviewDue: null,
      monitoring: { startsAt: null, endsAt: null, period: "2 months", shorterBecause: "the planning application is decided in March." },
      spoc: null,
      sender: { name: "Bea", title: null },
    };
    const text = letterText(draftLetter(CCM, "Monitoring", facts));
    expect(text).toContain("Your contact will be monitored for 2 months, starting on the day you receive this letter.");
    expect(text).toContain("This is shorter than the usual period because the planning application is decided in March.");
  });

  it("refuses a longer period, a shorter one without a reason, and any other period where the text allows none", () => {
    const referred = ccmReferred();
    expect(refusal(CCM, referred, "2027-01-05T09:00:00Z", dee, monitorEvent({ period: { months: 4, reason: "Long history." } }))).toBe(
      "A council (not named in the policy text)'s policy allows monitoring for 3 months or less, not longer: 4 months is more than that.",
    );
    expect(refusal(CCM, referred, "2027-01-05T09:00:00Z", dee, monitorEvent({ period: { days: 30 } }))).toMatch(/Give the reason monitoring is shorter than the policy's 3 months/);
    const strict: Preset = { ...CCM, monitoringPeriod: { ...CCM.monitoringPeriod, orLess: undefined } };
    expect(refusal(strict, referred, "2027-01-05T09:00:00Z", dee, monitorEvent({ period: { months: 2, reason: "Shorter." } }))).toMatch(/sets monitoring at 3 months; it does not allow a different period/);
    // The policy's own length, given explicitly, needs no reason.
    expect(attempt(CCM, referred, "2027-01-05T09:00:00Z", dee, monitorEvent({ period: { months: 3 } })).ok).toBe(true);
  });
});

describe("monitoring from the letter's receipt (004 §6: “Once the letter has been received”)", () => {
  it("fixes no end until the monitoring letter is sent; an e-mail is received when sent and opens the judgement then", () => {
    const decided = run(CCM, [["2027-01-05T09:00:00Z", dee, monitorEvent()]], ccmReferred());
    expect(decided.monitoring).toMatchObject({ startsAt: null, endsAt: null, period: { unit: "months", count: 3 } });
    expect(decided.reviews.filter((r) => r.kind === "MonitoringEnd")).toEqual([]);
    const letter = attempt(CCM, decided, "2027-01-08T10:00:00Z", dee, emailed("Monitoring"));
    expect(letter.ok).toBe(true);
    if (!letter.ok) return;
    expect(letter.file.monitoring).toMatchObject({ startsAt: "2027-01-08T10:00:00.000Z", endsAt: "2027-04-08T22:59:59.999Z" });
    expect(letter.effects).toContainEqual({ type: "OpenReview", kind: "MonitoringEnd", dueBy: "2027-04-08T22:59:59.999Z" });
  });

  it("refuses a posted monitoring letter without the day it is taken as received, then runs from that day", () => {
    const decided = run(CCM, [["2027-01-29T09:00:00Z", dee, monitorEvent()]], ccmReferred("2027-01-28T09:00:00Z"));
    const posted = (receivedOn?: string): WorkflowEvent => ({ type: "LetterSent", kind: "Monitoring", elements: elements(CCM, "Monitoring"), content: { title: "Monitoring", body: "…", channel: "Letter", postedOn: "2027-01-29", receivedOn } });
    expect(refusal(CCM, decided, "2027-01-29T16:00:00Z", dee, posted())).toBe("Give the day the posted monitoring letter is taken as received: monitoring runs from then.");
    expect(refusal(CCM, decided, "2027-01-29T16:00:00Z", dee, posted("2027-01-28"))).toMatch(/cannot be received on 2027-01-28, before it was posted on 2027-01-29/);
    const file = run(CCM, [["2027-01-29T16:00:00Z", dee, posted("2027-02-01")]], decided);
    expect(file.monitoring).toMatchObject({ startsAt: "2027-02-01T00:00:00.000Z", endsAt: "2027-05-01T22:59:59.999Z" });
  });

  it("refuses to judge the period before the letter is received, and the page can say so meanwhile", () => {
    const decided = run(CCM, [["2027-01-05T09:00:00Z", dee, monitorEvent()]], ccmReferred());
    // With the letter still owed the refusal names it; once a StaffNotice alone is left it is the missing start.
    expect(refusal(CCM, decided, "2027-06-01T09:00:00Z", dee, { type: "MonitoringEnded", acceptable: true, reasons: "Quiet." })).toMatch(/monitoring letter has not been sent yet/);
    expect(refusal(CCM, { ...decided, lettersOwed: [] }, "2027-06-01T09:00:00Z", dee, { type: "MonitoringEnded", acceptable: true, reasons: "Quiet." })).toBe(
      "Monitoring has not started: it starts when the customer receives the monitoring letter.",
    );
  });

  it("replays an older log whose posted monitoring letter gave no day of receipt, from the day it was posted", () => {
    const log = storedLog(CCM, [
      ["2027-01-04T09:00:00Z", sam, { type: "Refer", behaviours: ["unreasonably-persistent"], serviceArea: "Planning", summary: "Daily e-mails." }],
      ["2027-01-05T09:00:00Z", dee, monitorEvent()],
      ["2027-01-05T16:00:00Z", dee, { type: "LetterSent", kind: "Monitoring", elements: elements(CCM, "Monitoring"), content: { title: "Monitoring", body: "…", channel: "Letter", postedOn: "2027-01-05" } }],
    ]);
    const replay = replayLog(log, getPreset);
    expect(replay.problem).toBeNull();
    expect(replay.record.file.monitoring).toMatchObject({ startsAt: "2027-01-05T00:00:00.000Z", endsAt: "2027-04-05T22:59:59.999Z" });
  });
});

describe("per-customer review periods (002_c47487000f646a0a.txt, Review: “the review period will be adjusted”)", () => {
  const referred = () =>
    run(SOTON, [
      ["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "SPOC named in writing.", confirmedInWriting: true, monitorUntil: "2027-02-01" }],
      ["2027-02-02T09:00:00Z", mo, { type: "Refer", behaviours: ["scattergun"], serviceArea: "Council Tax", summary: "Same complaint to nine services." }],
    ]);
  const restrict = (extra: Partial<Extract<WorkflowEvent, { type: "Decide" }>> = {}): WorkflowEvent => ({
    type: "Decide",
    outcome: "Restrict",
    reasons: "Scattergun contact continues.",
    preChecks: checks(SOTON),
    vulnerabilityConsidered: true,
    restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }],
    ...extra,
  });

  it("sets the review for this customer in calendar months, with the reason on the decision record", () => {
    const file = run(SOTON, [["2027-02-08T09:00:00Z", dee, restrict({ reviewPeriod: { months: 3, reason: "Her tenancy hearing is in May; risk to her is high." } })]], referred());
    expect(file.reviewDue).toBe("2027-05-08T22:59:59.999Z");
    expect(file.decisions.at(-1)?.reviewPeriod).toEqual({ months: 3, reason: "Her tenancy hearing is in May; risk to her is high." });
    // Without an adjustment the policy's yearly review applies.
    expect(run(SOTON, [["2027-02-08T09:00:00Z", dee, restrict()]], referred()).reviewDue).toBe("2028-02-08T23:59:59.999Z");
  });

  it("shows the adjusted review period and its reason in the case's history", () => {
    const log = storedLog(SOTON, [
      ["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "SPOC named in writing.", confirmedInWriting: true, monitorUntil: "2027-02-01" }],
      ["2027-02-02T09:00:00Z", mo, { type: "Refer", behaviours: ["scattergun"], serviceArea: "Council Tax", summary: "Same complaint to nine services." }],
      ["2027-02-08T09:00:00Z", dee, restrict({ reviewPeriod: { months: 3, reason: "Her tenancy hearing is in May" } })],
    ]);
    const replay = replayLog(log, getPreset);
    expect(replay.problem).toBeNull();
    expect(historyOf(replay.steps)[0].what).toBe("Decision: Restrict. Scattergun contact continues. Review every 3 months for this customer: Her tenancy hearing is in May.");
  });

  it("refuses an adjustment without a reason, and under a policy that does not allow it", () => {
    expect(refusal(SOTON, referred(), "2027-02-08T09:00:00Z", dee, restrict({ reviewPeriod: { months: 3, reason: " " } }))).toMatch(/Give the reason the review period is adjusted for this customer/);
    const cumbria = run(CUMBRIA, [
      ["2027-01-04T09:00:00Z", mo, { type: "Warn", level: "Formal", note: "Told in writing." }],
      ["2027-01-04T09:10:00Z", sam, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Fire Safety", summary: "Forty e-mails." }],
    ]);
    const event: WorkflowEvent = { type: "Decide", outcome: "Restrict", reasons: "Volume continues.", preChecks: checks(CUMBRIA), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }], reviewPeriod: { months: 3, reason: "Her circumstances." } };
    expect(refusal(CUMBRIA, cumbria, "2027-01-05T09:00:00Z", dee, event)).toBe("Cumbria Fire and Rescue Service's policy does not allow the review period to be set differently for one customer.");
  });

  it("lets a review that extends restrictions set the next review for this customer", () => {
    const restricted = run(SOTON, [
      ["2027-02-08T09:00:00Z", dee, restrict()],
      ["2027-02-08T10:00:00Z", dee, { type: "LetterSent", kind: "Restriction", elements: elements(SOTON, "Restriction") }],
      ["2028-01-20T09:00:00Z", dan, { type: "InviteExtensionComment" }],
    ], referred());
    const file = run(SOTON, [["2028-02-07T09:00:00Z", dan, { type: "ReviewDecided", outcome: "Extended", reasons: "Behaviour resumed; comments considered.", reviewPeriod: { months: 6, reason: "Her support worker asked for an earlier look." } }]], restricted);
    expect(file.reviewDue).toBe("2028-08-07T22:59:59.999Z");
    expect(file.decisions.at(-1)).toMatchObject({ outcome: "Extend", reviewPeriod: { months: 6, reason: "Her support worker asked for an earlier look." } });
  });
});

describe("a set period after local resolution (002_c47487000f646a0a.txt, Dealing with …: “monitored for a set period”)", () => {
  const refer: WorkflowEvent = { type: "Refer", behaviours: ["scattergun"], serviceArea: "Council Tax", summary: "Same complaint to nine services." };
  it("refuses a referral until the period the manager set has passed, giving the date, and when none was set", () => {
    const noPeriod = run(SOTON, [["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "SPOC named in writing.", confirmedInWriting: true }]]);
    expect(refusal(SOTON, noPeriod, "2027-03-01T09:00:00Z", mo, refer)).toMatch(/monitored for a set period: record the local-resolution step with the day that period ends before referring/);
    const watched = run(SOTON, [["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "SPOC named in writing.", confirmedInWriting: true, monitorUntil: "2027-02-15" }]]);
    expect(watched.localResolution[0].monitorUntil).toBe("2027-02-15");
    expect(refusal(SOTON, watched, "2027-02-15T20:00:00Z", mo, refer)).toBe("The set period of monitoring after local resolution runs until 15 February 2027: the case can be referred once it has ended.");
    expect(attempt(SOTON, watched, "2027-02-16T00:00:01Z", mo, refer).ok).toBe(true);
  });

  it("refuses a period that ends today or is not a date, and leaves other policies' referrals alone", () => {
    expect(refusal(SOTON, newCaseFile(SOTON.id), "2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "x", confirmedInWriting: true, monitorUntil: "2027-01-04" })).toMatch(/must be after today/);
    expect(refusal(SOTON, newCaseFile(SOTON.id), "2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "x", confirmedInWriting: true, monitorUntil: "soon" })).toMatch(/as a date/);
    const hampshire = getPreset("hampshire-sendiass")!;
    const tried = run(hampshire, [["2027-01-04T09:00:00Z", mo, { type: "LocalResolutionStep", step: "spoc", note: "SPOC named.", confirmedInWriting: false }]]);
    expect(attempt(hampshire, tried, "2027-01-05T09:00:00Z", sam, { type: "Refer", behaviours: ["excessive-demands"], serviceArea: "SENDIASS", summary: "Many e-mails." }).ok).toBe(true);
  });
});

describe("no contact, then monitoring again (004_4a3366f45c554bec.txt §6: “invoked again to monitor contact for a further period of three months”)", () => {
  function noContact(): CaseFile {
    return run(
      CCM,
      [
        ["2027-01-05T09:00:00Z", dee, monitorEvent()],
        ["2027-01-05T10:00:00Z", dee, emailed("Monitoring")],
        ["2027-01-05T10:05:00Z", dee, emailed("StaffNotice")],
        ["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: false, reasons: "Contact continued daily, with abuse." }],
        ["2027-04-08T10:00:00Z", dan, { type: "Decide", outcome: "Restrict", reasons: "Chief Executive: no contact for two months.", restrictions: [{ params: { kind: "NoContact" }, endsAt: "2027-06-08T00:00:00Z" }] }],
        ["2027-04-08T11:00:00Z", dee, emailed("Restriction")],
        ["2027-04-08T11:05:00Z", dee, emailed("StaffNotice")],
      ],
      ccmReferred(),
    );
  }

  it("needs an end date for no contact", () => {
    const monitored = run(CCM, [
      ["2027-01-05T09:00:00Z", dee, monitorEvent()],
      ["2027-01-05T10:00:00Z", dee, emailed("Monitoring")],
      ["2027-01-05T10:05:00Z", dee, emailed("StaffNotice")],
      ["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: false, reasons: "Contact continued daily." }],
    ], ccmReferred());
    expect(refusal(CCM, monitored, "2027-04-08T10:00:00Z", dan, { type: "Decide", outcome: "Restrict", reasons: "No contact.", restrictions: [{ params: { kind: "NoContact" } }] })).toBe(
      "A no-contact restriction is for a period: give the date it ends.",
    );
  });

  it("goes to three calendar months' monitoring when the no-contact period ends, not to closed, with the staff told", () => {
    const file = noContact();
    expect(file.restrictions.at(-1)?.then).toEqual({ monitorFor: { unit: "months", count: 3 } });
    expect(refusal(CCM, file, "2027-06-07T12:00:00Z", scheduler, { type: "RestrictionExpired" })).toMatch(/run until their review on 8 June 2027/);
    const r = attempt(CCM, file, "2027-06-09T06:00:00Z", scheduler, { type: "RestrictionExpired" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.status).toBe("Monitoring");
    expect(r.file.closedAt).toBeNull();
    expect(r.file.monitoring).toMatchObject({ startsAt: "2027-06-09T06:00:00.000Z", endsAt: "2027-09-09T22:59:59.999Z", outcome: null });
    expect(r.file.restrictions.at(-1)?.state).toBe("Expired");
    expect(r.file.reviewDue).toBeNull();
    expect(r.file.reviews.filter((x) => x.outcome === null).map((x) => x.kind)).toEqual(["MonitoringEnd"]);
    expect(r.effects).toEqual(
      expect.arrayContaining([
        { type: "StatusChanged", from: "Restricted", to: "Monitoring" },
        { type: "OpenReview", kind: "MonitoringEnd", dueBy: "2027-09-09T22:59:59.999Z" },
        expect.objectContaining({ type: "NotifyStaff", event: "MonitoringStarted", recipients: ["the Chief Executive", "Executive Directors", "Heads of Service", "Business Managers", "Elected Members"] }),
      ]),
    );
    // The monitoring that follows is judged as any other: by the Executive Director, once it has ended.
    expect(run(CCM, [["2027-09-10T09:00:00Z", dee, { type: "MonitoringEnded", acceptable: true, reasons: "No contact of concern." }]], r.file).status).toBe("Closed");
  });

  it("replays a no-contact end logged by an older version as the lapse it was then", () => {
    const steps: Step[] = [
      ["2027-01-04T09:00:00Z", sam, { type: "Refer", behaviours: ["unreasonably-persistent"], serviceArea: "Planning", summary: "Daily e-mails." }],
      ["2027-01-05T09:00:00Z", dee, monitorEvent()],
      ["2027-01-05T10:00:00Z", dee, emailed("Monitoring")],
      ["2027-01-05T10:05:00Z", dee, emailed("StaffNotice")],
      ["2027-04-07T10:00:00Z", dee, { type: "MonitoringEnded", acceptable: false, reasons: "Contact continued." }],
      ["2027-04-08T10:00:00Z", dan, { type: "Decide", outcome: "Restrict", reasons: "No contact for two months.", restrictions: [{ params: { kind: "NoContact" }, endsAt: "2027-06-08T00:00:00Z" }] }],
      ["2027-04-08T11:00:00Z", dee, emailed("Restriction")],
      ["2027-04-08T11:05:00Z", dee, emailed("StaffNotice")],
    ];
    const old = replayLog(storedLog(CCM, [...steps, ["2027-06-09T06:00:00Z", scheduler, { type: "RestrictionExpired" }]]), getPreset);
    expect(old.problem).toBeNull();
    expect(old.record.file.status).toBe("Closed");
    const now = replayLog(storedLog(CCM, [...steps, ["2027-06-09T06:00:00Z", scheduler, { type: "RestrictionExpired", basis: "policy" }]]), getPreset);
    expect(now.problem).toBeNull();
    expect(now.record.file.status).toBe("Monitoring");
  });
});

describe("lapse at review is the organisation's choice, not a policy's rule", () => {
  it("replays a lapse logged when every policy lapsed at review, though the setting is now off", () => {
    const log = storedLog(CUMBRIA, [
      ["2027-01-04T09:00:00Z", mo, { type: "Warn", level: "Formal", note: "Told in writing." }],
      ["2027-01-04T09:10:00Z", sam, { type: "Refer", behaviours: ["high-volume"], serviceArea: "Fire Safety", summary: "Forty e-mails." }],
      ["2027-01-05T09:00:00Z", dee, { type: "Decide", outcome: "Restrict", reasons: "Volume continues.", preChecks: checks(CUMBRIA), vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] }],
      ["2027-01-05T10:00:00Z", dee, { type: "LetterSent", kind: "Restriction", elements: elements(CUMBRIA, "Restriction") }],
      ["2027-01-05T10:05:00Z", dee, { type: "LetterSent", kind: "StaffNotice", elements: ["what"] }],
      ["2027-07-06T09:00:00Z", scheduler, { type: "RestrictionExpired" }],
    ]);
    const replay = replayLog(log, getPreset);
    expect(replay.problem).toBeNull();
    expect(replay.record.file.status).toBe("Closed");
  });

  it("reads the organisation settings tolerantly: off by default, each problem in words", () => {
    expect(parseSettings(undefined)).toEqual({ settings: { lapseAtReview: false, nationalLetterElements: false, genericInboxSpoc: false }, problems: [] });
    expect(parseSettings('{"lapseAtReview": true}').settings.lapseAtReview).toBe(true);
    const odd = parseSettings({ lapseAtReview: "yes", colour: "blue", genericInboxSpoc: true });
    expect(odd.settings).toEqual({ lapseAtReview: false, nationalLetterElements: false, genericInboxSpoc: true });
    expect(odd.problems).toEqual([
      "lapseAtReview (Restrictions lapse at their review date unless renewed) must be true or false, so it is off.",
      "colour is not a setting this product knows; it is ignored.",
    ]);
    expect(parseSettings("{not json").problems).toEqual(["The organisation settings are not readable, so every setting is off."]);
    expect(parseSettings([1]).settings.lapseAtReview).toBe(false);
  });

  it("adds the national decision-letter elements to restriction letters only where the organisation chose them", () => {
    expect(lettersInForce(CUMBRIA, DEFAULT_SETTINGS)).toBe(CUMBRIA.letters);
    const withNational = lettersInForce(CUMBRIA, { ...DEFAULT_SETTINGS, nationalLetterElements: true }).find((l) => l.kind === "Restriction")!;
    expect(withNational.elements).toEqual(expect.arrayContaining(["why", "what", "howLong", "reviewDate", "ombudsman", "policyCopy"]));
    const hampshire = getPreset("hampshire-sendiass")!;
    expect(hampshire.letters).toEqual([]);
    expect(lettersInForce(hampshire, { ...DEFAULT_SETTINGS, nationalLetterElements: true }).map((l) => l.kind)).toEqual(["Restriction"]);
  });
});

/** A log as the register stores it: opened first, then each step with its own actor and time. */
function storedLog(preset: Preset, steps: Step[]): StoredEvent[] {
  const opened: StepEvent = {
    type: "Opened",
    customer: { name: "A Customer", caseRef: "UPC-0001", kind: "Individual", policyId: preset.id, serviceAreas: "Housing", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" },
    identities: [{ kind: "Email", value: "customer@example.org" }],
  };
  const all: [string, Actor, StepEvent][] = [["2027-01-01T09:00:00Z", sam, opened], ...steps];
  return all.map(([at, actor, event], i) => ({ seq: i + 1, event, actor, at: new Date(at).toISOString(), idempotencyKey: `k-${i}`, presetVersion: `${preset.id}@old`, owed: [] }));
}
