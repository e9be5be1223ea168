import { describe, expect, it } from "vitest";
import { type CalendarHoliday, createWorkingCalendar } from "../../../src/domain/working-calendar.ts";

// March 2026: Saturday 28 Feb, Sunday 1, Monday 2 … Friday 6, Saturday 7, Sunday 8, Monday 9, Tuesday 10.
const MON_FRI = [1, 2, 3, 4, 5];
const unit = createWorkingCalendar({ workingDays: MON_FRI, holidays: [] });

describe("back-date limit of 2 working days for a five-day unit", () => {
  const monday = "2026-03-09";

  it.each([
    ["2026-03-10", false, "Tuesday: the future"],
    ["2026-03-09", true, "Monday: today"],
    ["2026-03-08", true, "Sunday: yesterday"],
    ["2026-03-07", true, "Saturday: after Thursday"],
    ["2026-03-06", true, "Friday: 1 working day back"],
    ["2026-03-05", true, "Thursday: 2 working days back"],
    ["2026-03-04", false, "Wednesday: 3 working days back"],
    ["2026-02-27", false, "a week before"],
  ])("on Monday, an activity dated %s is allowed: %s (%s)", (date, allowed) => {
    expect(unit.isWithinBackdateLimit(monday, date, 2)).toBe(allowed);
  });

  it("on Monday the earliest allowed date is Thursday", () => {
    expect(unit.earliestBackdate(monday, 2)).toBe("2026-03-05");
  });

  it("on Wednesday, Monday and Tuesday are allowed but not the Sunday before them", () => {
    expect(unit.isWithinBackdateLimit("2026-03-04", "2026-03-03", 2)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-04", "2026-03-02", 2)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-04", "2026-03-01", 2)).toBe(false);
  });

  it("on a Saturday, the last two working days (Friday and Thursday) are allowed, Wednesday is not", () => {
    expect(unit.isWithinBackdateLimit("2026-03-07", "2026-03-06", 2)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-07", "2026-03-05", 2)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-07", "2026-03-04", 2)).toBe(false);
  });
});

describe("other limits", () => {
  it("with limit 0 only today and yesterday are allowed, even when yesterday was Sunday", () => {
    expect(unit.isWithinBackdateLimit("2026-03-09", "2026-03-08", 0)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-09", "2026-03-06", 0)).toBe(false);
    expect(unit.isWithinBackdateLimit("2026-03-04", "2026-03-03", 0)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-04", "2026-03-02", 0)).toBe(false);
    expect(unit.earliestBackdate("2026-03-09", 0)).toBe("2026-03-08");
  });

  it("with limit 1 on Monday, Friday is allowed but not Thursday", () => {
    expect(unit.isWithinBackdateLimit("2026-03-09", "2026-03-06", 1)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-09", "2026-03-05", 1)).toBe(false);
  });

  it("with limit 3 on Monday, Wednesday is allowed but not Tuesday", () => {
    expect(unit.isWithinBackdateLimit("2026-03-09", "2026-03-04", 3)).toBe(true);
    expect(unit.isWithinBackdateLimit("2026-03-09", "2026-03-03", 3)).toBe(false);
  });

  it("refuses a limit that is negative or not whole", () => {
    expect(() => unit.isWithinBackdateLimit("2026-03-09", "2026-03-06", -1)).toThrow(RangeError);
    expect(() => unit.isWithinBackdateLimit("2026-03-09", "2026-03-06", 1.5)).toThrow(RangeError);
  });

  it("refuses an impossible date", () => {
    expect(() => unit.isWithinBackdateLimit("2026-03-09", "2026-02-30", 2)).toThrow(RangeError);
  });
});

describe("back-dating around holidays", () => {
  const holidays: CalendarHoliday[] = [
    { date: "2026-05-14", name: "Kenaikan Yesus Kristus", kind: "LIBUR_NASIONAL" },
    { date: "2026-05-15", name: "Cuti Bersama Kenaikan Yesus Kristus", kind: "CUTI_BERSAMA" },
    ...["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24"].map(
      (date): CalendarHoliday => ({ date, name: "Nyepi dan Idulfitri", kind: "CUTI_BERSAMA" }),
    ),
  ];
  const calendar = createWorkingCalendar({ workingDays: MON_FRI, holidays });

  it("holidays do not use up the limit: on Monday 18 May, Wednesday 13 and Tuesday 12 are allowed", () => {
    expect(calendar.earliestBackdate("2026-05-18", 2)).toBe("2026-05-12");
    expect(calendar.isWithinBackdateLimit("2026-05-18", "2026-05-15", 2)).toBe(true);
    expect(calendar.isWithinBackdateLimit("2026-05-18", "2026-05-13", 2)).toBe(true);
    expect(calendar.isWithinBackdateLimit("2026-05-18", "2026-05-12", 2)).toBe(true);
    expect(calendar.isWithinBackdateLimit("2026-05-18", "2026-05-11", 2)).toBe(false);
  });

  it("after the Idulfitri week, the two working days before it can still be reported", () => {
    expect(calendar.earliestBackdate("2026-03-25", 2)).toBe("2026-03-16");
    expect(calendar.isWithinBackdateLimit("2026-03-25", "2026-03-20", 2)).toBe(true);
    expect(calendar.isWithinBackdateLimit("2026-03-25", "2026-03-16", 2)).toBe(true);
    expect(calendar.isWithinBackdateLimit("2026-03-25", "2026-03-15", 2)).toBe(false);
  });

  it("the person's absences do not change the limit: it counts the unit's working days", () => {
    const person = createWorkingCalendar({
      workingDays: MON_FRI,
      holidays: [],
      absences: [{ startDate: "2026-03-05", endDate: "2026-03-06", kind: "SAKIT" }],
    });
    expect(person.earliestBackdate("2026-03-09", 2)).toBe("2026-03-05");
  });
});

describe("a six-day unit", () => {
  const puskesmas = createWorkingCalendar({ workingDays: [1, 2, 3, 4, 5, 6], holidays: [] });

  it("on Monday, Saturday and Friday are the two working days back; Thursday is refused", () => {
    expect(puskesmas.isWithinBackdateLimit("2026-03-09", "2026-03-07", 2)).toBe(true);
    expect(puskesmas.isWithinBackdateLimit("2026-03-09", "2026-03-06", 2)).toBe(true);
    expect(puskesmas.isWithinBackdateLimit("2026-03-09", "2026-03-05", 2)).toBe(false);
  });
});
