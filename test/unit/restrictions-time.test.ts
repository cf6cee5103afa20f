// Time-bound restrictions in London time: call slots across the clock changes, weekly and monthly quotas at their edges.
import type { Restriction } from "../../shared/domain/records";
import { checkContact, quotaLabel, quotaUsage, type HistoryContact, type ProposedContact } from "../../shared/restrictions";
import { restriction } from "../support/restrictions";


const incoming = (contactAt: string, channel: HistoryContact["channel"] = "Email"): HistoryContact => ({
  contactAt,
  channel,
  direction: "In",
  matterRef: "",
});

function check(restrictions: Restriction[], history: HistoryContact[], proposed: Partial<ProposedContact> & { at: Date }) {
  return checkContact({
    restrictions,
    history,
    proposed: { channel: "Email", direction: "In", staffUpn: "officer@council.gov.uk", ...proposed },
  });
}

describe("call slots across clock changes", () => {
  const monday = restriction({ kind: "CallSlots", slots: [{ day: "Mon", from: "10:00", to: "12:00" }] });
  const call = (iso: string) => check([monday], [], { channel: "Phone", at: new Date(iso) });

  it("reads the Monday after the clocks go forward in BST", () => {
    expect(call("2026-03-30T09:30:00Z").allowed).toBe(true); // 10:30 BST
    expect(call("2026-03-30T11:30:00Z").breaches[0].message).toBe("Calls only on Monday 10:00–12:00: it is Monday 12:30");
    expect(call("2026-03-30T08:30:00Z").allowed).toBe(false); // 09:30 BST, though 08:30 UTC reads like GMT
  });

  it("reads the Monday after the clocks go back in GMT", () => {
    expect(call("2026-10-26T10:30:00Z").allowed).toBe(true); // 10:30 GMT
    expect(call("2026-10-26T09:30:00Z").breaches[0].message).toBe("Calls only on Monday 10:00–12:00: it is Monday 09:30");
    expect(call("2026-10-26T11:59:00Z").allowed).toBe(true);
  });

  it("uses the London day when UTC is still on the previous one", () => {
    const earlyTuesday = restriction({ kind: "CallSlots", slots: [{ day: "Tue", from: "00:00", to: "01:00" }] });
    // 23:30 UTC on Monday 15 June is 00:30 BST on Tuesday.
    expect(check([earlyTuesday], [], { channel: "Phone", at: new Date("2026-06-15T23:30:00Z") }).allowed).toBe(true);
  });

  it("accepts any of several slots", () => {
    const two = restriction({
      kind: "CallSlots",
      slots: [
        { day: "Thu", from: "14:00", to: "16:00" },
        { day: "Tue", from: "10:00", to: "12:00" },
      ],
    });
    expect(check([two], [], { channel: "Phone", at: new Date("2026-06-18T14:30:00Z") }).allowed).toBe(true);
    expect(check([two], [], { channel: "Phone", at: new Date("2026-06-17T13:05:00Z") }).breaches[0].message).toBe(
      "Calls only on Tuesday 10:00–12:00 or Thursday 14:00–16:00: it is Wednesday 14:05",
    );
  });
});

describe("weekly quota", () => {
  const twoAWeek = restriction({ kind: "ContactQuota", max: 2, per: "Week", channel: null });
  // Sunday 14 June 2026, BST: 11:00 and 23:30 local.
  const sunday = [incoming("2026-06-14T10:00:00Z"), incoming("2026-06-14T22:30:00Z")];

  it("refuses a third contact late on Sunday", () => {
    const result = check([twoAWeek], sunday, { at: new Date("2026-06-14T22:59:00Z") });
    expect(result.breaches).toEqual([
      { restrictionId: twoAWeek.id, kind: "ContactQuota", message: "Weekly limit reached: only 2 contacts are allowed a week, and this is contact 3 this week" },
    ]);
  });

  it("starts afresh at midnight London time on Monday, an hour before UTC's midnight", () => {
    expect(check([twoAWeek], sunday, { at: new Date("2026-06-14T23:00:00Z") }).allowed).toBe(true);
  });

  it("counts in GMT weeks too", () => {
    const winter = [incoming("2026-01-11T23:59:00Z"), incoming("2026-01-11T12:00:00Z")];
    expect(check([twoAWeek], winter, { at: new Date("2026-01-12T00:00:00Z") }).allowed).toBe(true);
    expect(check([twoAWeek], winter, { at: new Date("2026-01-11T23:59:30Z") }).allowed).toBe(false);
  });

  it("notes the last contact allowed", () => {
    const result = check([twoAWeek], [sunday[0]], { at: new Date("2026-06-14T12:00:00Z") });
    expect(result.allowed).toBe(true);
    expect(result.notes).toEqual(["This is the last of the 2 contacts allowed this week."]);
  });

  it("counts only the customer's own contacts, and not our replies or our own outgoing contact", () => {
    const replies: HistoryContact[] = sunday.map((c) => ({ ...c, direction: "Out" }));
    expect(check([twoAWeek], replies, { at: new Date("2026-06-14T22:59:00Z") }).allowed).toBe(true);
    expect(check([twoAWeek], sunday, { at: new Date("2026-06-14T22:59:00Z"), direction: "Out" }).allowed).toBe(true);
  });

  it("does not count contacts from before the restriction started", () => {
    const fresh = restriction({ kind: "ContactQuota", max: 2, per: "Week", channel: null }, { startsAt: "2026-06-14T12:00:00Z" });
    expect(check([fresh], sunday, { at: new Date("2026-06-14T22:59:00Z") }).allowed).toBe(true);
  });

  it("does not count a contact logged after the one being checked", () => {
    expect(check([twoAWeek], sunday, { at: new Date("2026-06-14T09:00:00Z") }).allowed).toBe(true);
  });
});

describe("quota in a set form", () => {
  const letters = restriction({ kind: "ContactQuota", max: 2, per: "Week", channel: "Letter" });

  // cumbria-fire-2023 (001_de0aff75e8e4f05c.txt) §2.2 "Restricting the number of telephone calls that will be taken":
  // a quota on one form rations that form and says nothing about the others. A row written with the old single
  // `channel` reads the same way.
  it("neither counts nor refuses a contact in another form (cumbria-fire-2023 §2.2)", () => {
    const history = [incoming("2026-06-15T10:00:00Z", "Letter"), incoming("2026-06-16T10:00:00Z", "Letter")];
    expect(check([letters], history, { at: new Date("2026-06-17T10:00:00Z") })).toMatchObject({ allowed: true, breaches: [] });
  });

  it("counts only letters towards the limit", () => {
    const history = [incoming("2026-06-15T10:00:00Z"), incoming("2026-06-16T10:00:00Z"), incoming("2026-06-16T11:00:00Z", "Letter")];
    expect(check([letters], history, { at: new Date("2026-06-17T10:00:00Z"), channel: "Letter" }).allowed).toBe(true);
    history.push(incoming("2026-06-16T12:00:00Z", "Letter"));
    expect(check([letters], history, { at: new Date("2026-06-17T10:00:00Z"), channel: "Letter" }).breaches[0].message).toBe(
      "Weekly limit reached: only 2 contacts are allowed a week, and this is contact 3 this week",
    );
  });
});

describe("monthly quota", () => {
  const oneAMonth = restriction({ kind: "ContactQuota", max: 1, per: "Month", channel: null });

  it("divides 31 January from 1 February at London midnight", () => {
    const history = [incoming("2027-01-31T23:59:00Z")];
    expect(check([oneAMonth], history, { at: new Date("2027-01-31T23:59:30Z") }).breaches[0].message).toBe(
      "Monthly limit reached: only 1 contact is allowed a month, and this is contact 2 this month",
    );
    expect(check([oneAMonth], history, { at: new Date("2027-02-01T00:00:00Z") }).allowed).toBe(true);
  });

  it("divides 31 May from 1 June at London midnight in BST", () => {
    const history = [incoming("2026-05-31T22:30:00Z")]; // 23:30 BST on 31 May
    expect(check([oneAMonth], history, { at: new Date("2026-05-31T23:00:00Z") }).allowed).toBe(true); // 00:00 BST 1 June
    expect(check([oneAMonth], history, { at: new Date("2026-05-31T22:45:00Z") }).allowed).toBe(false);
  });

  it("counts the leap day 29 February 2028 in February", () => {
    const twoAMonth = restriction({ kind: "ContactQuota", max: 2, per: "Month", channel: null });
    const history = [incoming("2028-02-01T00:00:00Z"), incoming("2028-02-15T12:00:00Z")];
    expect(check([twoAMonth], history, { at: new Date("2028-02-29T23:59:00Z") }).breaches[0].message).toBe(
      "Monthly limit reached: only 2 contacts are allowed a month, and this is contact 3 this month",
    );
    expect(check([twoAMonth], history, { at: new Date("2028-03-01T00:00:00Z") }).allowed).toBe(true);
    expect(check([twoAMonth], [incoming("2028-01-31T23:59:59Z")], { at: new Date("2028-02-29T10:00:00Z") }).allowed).toBe(true);
  });
});

describe("quotaUsage", () => {
  it("says how much of this week's allowance is used, for the task pane", () => {
    const threeAWeek = restriction({ kind: "ContactQuota", max: 3, per: "Week", channel: null });
    const history = [
      incoming("2026-06-14T22:30:00Z"), // Sunday 23:30 BST: last week
      incoming("2026-06-15T08:00:00Z"),
      incoming("2026-06-16T08:00:00Z"),
      { ...incoming("2026-06-16T09:00:00Z"), direction: "Out" as const },
    ];
    expect(quotaUsage([threeAWeek], history, new Date("2026-06-17T13:05:00Z"))).toEqual([
      {
        restrictionId: threeAWeek.id,
        used: 2,
        max: 3,
        per: "Week",
        channels: [],
        periodStart: new Date("2026-06-14T23:00:00Z"),
        periodEnd: new Date("2026-06-21T23:00:00Z"),
        label: "2 of 3 this week",
      },
    ]);
  });

  it("reports a month with its London bounds, including the leap day", () => {
    const twoAMonth = restriction({ kind: "ContactQuota", max: 2, per: "Month", channel: "Letter" });
    const history = [incoming("2028-02-01T09:00:00Z", "Letter"), incoming("2028-02-29T09:00:00Z", "Letter"), incoming("2028-02-10T09:00:00Z")];
    const [usage] = quotaUsage([twoAMonth], history, new Date("2028-02-29T12:00:00Z"));
    expect(usage).toMatchObject({
      used: 2,
      max: 2,
      per: "Month",
      channels: ["Letter"],
      periodStart: new Date("2028-02-01T00:00:00Z"),
      periodEnd: new Date("2028-03-01T00:00:00Z"),
      label: "2 of 2 this month",
    });
  });

  it("leaves out other kinds and quotas not in force", () => {
    const restrictions = [
      restriction({ kind: "Witness" }),
      restriction({ kind: "ContactQuota", max: 1, per: "Week", channel: null }, { state: "Lifted" }),
      restriction({ kind: "ContactQuota", max: 1, per: "Week", channel: null }, { startsAt: "2027-01-01T00:00:00Z" }),
    ];
    expect(quotaUsage(restrictions, [], new Date("2026-06-17T13:05:00Z"))).toEqual([]);
  });
});

describe("quota words", () => {
  // Issue: the pane read "3 of 2 this week" once a quota was passed.
  it("says how far over the limit a quota is, never '3 of 2'", () => {
    expect(quotaLabel(1, 2, "week")).toBe("1 of 2 this week");
    expect(quotaLabel(2, 2, "week")).toBe("2 of 2 this week");
    expect(quotaLabel(3, 2, "week")).toBe("3 this week: 1 over the limit of 2");
    expect(quotaLabel(5, 1, "month")).toBe("5 this month: 4 over the limit of 1");
  });
});
