import { describe, expect, it } from "vitest";
import { monthlyAvailableMinutes, monthlyTargetMinutes } from "../../../src/domain/monthly-minutes.ts";
import { type CalendarHoliday, createWorkingCalendar } from "../../../src/domain/working-calendar.ts";

const MON_FRI = [1, 2, 3, 4, 5];
// Weekday holidays in March 2026: Wed 18, Thu 19, Fri 20, Mon 23, Tue 24 (21 and 22 are a weekend).
const MARCH_HOLIDAYS: CalendarHoliday[] = ["18", "19", "20", "21", "22", "23", "24"].map((day) => ({
  date: `2026-03-${day}`,
  name: "Nyepi dan Idulfitri",
  kind: "CUTI_BERSAMA",
}));

describe("monthlyTargetMinutes", () => {
  it("is the unit's working days of the month times its minutes per day", () => {
    const plain = createWorkingCalendar({ workingDays: MON_FRI, holidays: [] });
    expect(monthlyTargetMinutes(plain, 2026, 3, 450)).toBe(9900); // 22 days
    expect(monthlyTargetMinutes(plain, 2026, 2, 300)).toBe(6000); // 20 days
  });

  it("loses the holidays that fall on working days", () => {
    const unit = createWorkingCalendar({ workingDays: MON_FRI, holidays: MARCH_HOLIDAYS });
    expect(monthlyTargetMinutes(unit, 2026, 3, 450)).toBe(7650); // 17 days
  });

  it("does not depend on the person's absences", () => {
    const person = createWorkingCalendar({
      workingDays: MON_FRI,
      holidays: MARCH_HOLIDAYS,
      absences: [{ startDate: "2026-03-26", endDate: "2026-03-27", kind: "CUTI" }],
    });
    expect(monthlyTargetMinutes(person, 2026, 3, 450)).toBe(7650);
  });

  it("refuses negative minutes per day", () => {
    const plain = createWorkingCalendar({ workingDays: MON_FRI, holidays: [] });
    expect(() => monthlyTargetMinutes(plain, 2026, 3, -1)).toThrow(RangeError);
    expect(monthlyTargetMinutes(plain, 2026, 3, 0)).toBe(0);
  });
});

describe("monthlyAvailableMinutes", () => {
  const withAbsence = (startDate: string, endDate: string) =>
    createWorkingCalendar({
      workingDays: MON_FRI,
      holidays: MARCH_HOLIDAYS,
      absences: [{ startDate, endDate, kind: "CUTI" }],
    });

  it("an absence of two working days removes two days of minutes", () => {
    expect(monthlyAvailableMinutes(withAbsence("2026-03-26", "2026-03-27"), 2026, 3, 450)).toBe(6750); // 15 days
  });

  it("an absence over a weekend removes nothing", () => {
    expect(monthlyAvailableMinutes(withAbsence("2026-03-28", "2026-03-29"), 2026, 3, 450)).toBe(7650);
  });

  it("absence days that are holidays are not removed twice", () => {
    // Mon 23 and Tue 24 are cuti bersama already; only Wed 25 and Thu 26 are lost.
    expect(monthlyAvailableMinutes(withAbsence("2026-03-23", "2026-03-26"), 2026, 3, 450)).toBe(6750);
  });

  it("without absences equals the target", () => {
    const unit = createWorkingCalendar({ workingDays: MON_FRI, holidays: MARCH_HOLIDAYS });
    expect(monthlyAvailableMinutes(unit, 2026, 3, 450)).toBe(7650);
  });
});
