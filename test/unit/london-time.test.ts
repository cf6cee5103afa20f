// Europe/London wall-clock arithmetic across the 2026 clock changes, month ends and the 2028 leap day.
import {
  addLondonDays,
  formatLondonDate,
  formatLondonTime,
  londonDateTime,
  londonMidnight,
  londonParts,
  startOfLondonMonth,
  startOfLondonWeek,
  startOfNextLondonMonth,
} from "../../shared/time/london";

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe("londonParts", () => {
  it("reads GMT in winter and BST in summer", () => {
    expect(londonParts(at("2026-01-15T12:34:56Z"))).toEqual({
      year: 2026, month: 1, day: 15, weekday: "Thu", hour: 12, minute: 34, second: 56,
    });
    expect(londonParts(at("2026-07-15T12:34:00Z"))).toMatchObject({ hour: 13, minute: 34, weekday: "Wed" });
  });

  it("jumps from 00:59 GMT to 02:00 BST when the clocks go forward on 29 March 2026", () => {
    expect(londonParts(at("2026-03-29T00:59:00Z"))).toMatchObject({ day: 29, hour: 0, minute: 59 });
    expect(londonParts(at("2026-03-29T01:00:00Z"))).toMatchObject({ day: 29, hour: 2, minute: 0 });
  });

  it("shows 01:00–01:59 twice when the clocks go back on 25 October 2026", () => {
    expect(londonParts(at("2026-10-25T00:30:00Z"))).toMatchObject({ hour: 1, minute: 30 });
    expect(londonParts(at("2026-10-25T01:30:00Z"))).toMatchObject({ hour: 1, minute: 30 });
    expect(londonParts(at("2026-10-25T02:00:00Z"))).toMatchObject({ hour: 2, minute: 0 });
  });

  it("puts late-evening UTC in BST on the next London day, and reads midnight as hour 0", () => {
    expect(londonParts(at("2026-06-30T23:30:00Z"))).toMatchObject({ month: 7, day: 1, weekday: "Wed", hour: 0 });
    expect(londonParts(at("2026-01-01T00:00:00Z"))).toMatchObject({ year: 2026, month: 1, day: 1, hour: 0 });
  });
});

describe("londonMidnight and londonDateTime", () => {
  it("finds midnight either side of the spring change", () => {
    expect(iso(londonMidnight(2026, 3, 29))).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(londonMidnight(2026, 3, 30))).toBe("2026-03-29T23:00:00.000Z");
  });

  it("finds midnight either side of the autumn change", () => {
    expect(iso(londonMidnight(2026, 10, 25))).toBe("2026-10-24T23:00:00.000Z");
    expect(iso(londonMidnight(2026, 10, 26))).toBe("2026-10-26T00:00:00.000Z");
  });

  it("rolls over out-of-range months and days", () => {
    expect(iso(londonMidnight(2026, 13, 1))).toBe("2027-01-01T00:00:00.000Z");
    expect(iso(londonMidnight(2028, 2, 30))).toBe("2028-03-01T00:00:00.000Z");
    expect(iso(londonMidnight(2027, 2, 29))).toBe("2027-03-01T00:00:00.000Z");
  });

  it("moves a skipped time on by the jump and takes the first showing of a repeated one", () => {
    expect(iso(londonDateTime(2026, 3, 29, 1, 30))).toBe("2026-03-29T01:30:00.000Z");
    expect(londonParts(londonDateTime(2026, 3, 29, 1, 30))).toMatchObject({ hour: 2, minute: 30 });
    expect(iso(londonDateTime(2026, 10, 25, 1, 30))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(londonDateTime(2026, 10, 25, 10, 0))).toBe("2026-10-25T10:00:00.000Z");
  });
});

describe("startOfLondonWeek", () => {
  it("starts on Monday 00:00 local, even when the week contains the spring change", () => {
    expect(iso(startOfLondonWeek(at("2026-03-29T12:00:00Z")))).toBe("2026-03-23T00:00:00.000Z");
    expect(iso(startOfLondonWeek(at("2026-03-30T09:30:00Z")))).toBe("2026-03-29T23:00:00.000Z");
  });

  it("treats Monday 00:30 BST (Sunday 23:30 UTC) as the new week", () => {
    expect(iso(startOfLondonWeek(at("2026-03-29T23:30:00Z")))).toBe("2026-03-29T23:00:00.000Z");
    expect(iso(startOfLondonWeek(at("2026-03-29T22:59:00Z")))).toBe("2026-03-23T00:00:00.000Z");
  });

  it("gives the autumn-change week 169 hours", () => {
    const start = startOfLondonWeek(at("2026-10-25T12:00:00Z"));
    expect(iso(start)).toBe("2026-10-18T23:00:00.000Z");
    const next = addLondonDays(start, 7);
    expect(iso(next)).toBe("2026-10-26T00:00:00.000Z");
    expect((next.getTime() - start.getTime()) / 3_600_000).toBe(169);
  });

  it("is itself for a Monday midnight", () => {
    expect(iso(startOfLondonWeek(at("2026-01-05T00:00:00Z")))).toBe("2026-01-05T00:00:00.000Z");
  });
});

describe("startOfLondonMonth", () => {
  it("uses the London date at month ends", () => {
    expect(iso(startOfLondonMonth(at("2027-01-31T23:59:00Z")))).toBe("2027-01-01T00:00:00.000Z");
    expect(iso(startOfLondonMonth(at("2027-02-01T00:00:00Z")))).toBe("2027-02-01T00:00:00.000Z");
    // 23:30 UTC on 31 May is 00:30 BST on 1 June.
    expect(iso(startOfLondonMonth(at("2026-05-31T23:30:00Z")))).toBe("2026-05-31T23:00:00.000Z");
    expect(iso(startOfNextLondonMonth(at("2026-12-31T12:00:00Z")))).toBe("2027-01-01T00:00:00.000Z");
  });

  it("handles the leap day 29 February 2028", () => {
    expect(iso(startOfLondonMonth(at("2028-02-29T12:00:00Z")))).toBe("2028-02-01T00:00:00.000Z");
    expect(iso(startOfNextLondonMonth(at("2028-02-29T23:59:00Z")))).toBe("2028-03-01T00:00:00.000Z");
    expect(iso(startOfNextLondonMonth(at("2026-03-15T12:00:00Z")))).toBe("2026-03-31T23:00:00.000Z");
  });
});

describe("addLondonDays", () => {
  it("keeps the wall-clock time across the spring change", () => {
    const after = addLondonDays(at("2026-03-28T10:00:00Z"), 1);
    expect(iso(after)).toBe("2026-03-29T09:00:00.000Z");
    expect(formatLondonTime(after)).toBe("10:00");
  });

  it("keeps the wall-clock time across the autumn change, forwards and back", () => {
    expect(iso(addLondonDays(at("2026-10-24T09:00:00Z"), 1))).toBe("2026-10-25T10:00:00.000Z");
    expect(iso(addLondonDays(at("2026-10-25T10:00:00Z"), -1))).toBe("2026-10-24T09:00:00.000Z");
  });

  it("crosses month ends and the leap day", () => {
    expect(iso(addLondonDays(at("2027-01-31T12:00:00Z"), 1))).toBe("2027-02-01T12:00:00.000Z");
    expect(iso(addLondonDays(at("2028-02-28T12:00:00Z"), 1))).toBe("2028-02-29T12:00:00.000Z");
    expect(iso(addLondonDays(at("2028-02-28T12:00:00Z"), 2))).toBe("2028-03-01T12:00:00.000Z");
    expect(iso(addLondonDays(at("2027-02-28T12:00:00Z"), 1))).toBe("2027-03-01T12:00:00.000Z");
    expect(iso(addLondonDays(at("2028-02-29T12:00:00.250Z"), 366))).toBe("2029-03-01T12:00:00.250Z");
  });
});

describe("formatting", () => {
  it("writes dates as staff read them, in London time", () => {
    expect(formatLondonDate(at("2027-03-03T00:00:00Z"))).toBe("3 March 2027");
    expect(formatLondonDate(at("2026-06-30T23:30:00Z"))).toBe("1 July 2026");
    expect(formatLondonTime(at("2026-06-30T13:05:00Z"))).toBe("14:05");
  });
});
