import { describe, expect, it } from "vitest";
import { type CalendarHoliday, createWorkingCalendar } from "../../../src/domain/working-calendar.ts";

// March 2026: Sunday 1, Monday 2, … Saturday 7, Sunday 8, Monday 9.
const MON_FRI = [1, 2, 3, 4, 5];
const MON_SAT = [1, 2, 3, 4, 5, 6];

const IDULFITRI_BLOCK: CalendarHoliday[] = [
  { date: "2026-03-18", name: "Cuti Bersama Hari Suci Nyepi", kind: "CUTI_BERSAMA" },
  { date: "2026-03-19", name: "Hari Suci Nyepi", kind: "LIBUR_NASIONAL" },
  { date: "2026-03-20", name: "Cuti Bersama Idulfitri", kind: "CUTI_BERSAMA" },
  { date: "2026-03-21", name: "Idulfitri", kind: "LIBUR_NASIONAL" },
  { date: "2026-03-22", name: "Idulfitri", kind: "LIBUR_NASIONAL" },
  { date: "2026-03-23", name: "Cuti Bersama Idulfitri", kind: "CUTI_BERSAMA" },
  { date: "2026-03-24", name: "Cuti Bersama Idulfitri", kind: "CUTI_BERSAMA" },
];

const fiveDayUnit = createWorkingCalendar({ workingDays: MON_FRI, holidays: IDULFITRI_BLOCK });
const puskesmas = createWorkingCalendar({ workingDays: MON_SAT, holidays: IDULFITRI_BLOCK });

describe("dayStatus", () => {
  it("a weekday is a working day for a five-day unit", () => {
    expect(fiveDayUnit.dayStatus("2026-03-04")).toEqual({ kind: "WORKING" });
    expect(fiveDayUnit.isWorkingDay("2026-03-04")).toBe(true);
  });

  it("a Saturday is not a working day for a five-day unit", () => {
    expect(fiveDayUnit.dayStatus("2026-03-07")).toEqual({ kind: "WEEKEND" });
    expect(fiveDayUnit.isWorkingDay("2026-03-07")).toBe(false);
  });

  it("a Puskesmas working Monday to Saturday works on Saturday but not on Sunday", () => {
    expect(puskesmas.dayStatus("2026-03-07")).toEqual({ kind: "WORKING" });
    expect(puskesmas.dayStatus("2026-03-08")).toEqual({ kind: "WEEKEND" });
  });

  it("a holiday on a weekday is reported with its name and kind", () => {
    expect(fiveDayUnit.dayStatus("2026-03-19")).toEqual({
      kind: "HOLIDAY",
      name: "Hari Suci Nyepi",
      holidayKind: "LIBUR_NASIONAL",
    });
    expect(fiveDayUnit.dayStatus("2026-03-23")).toMatchObject({
      kind: "HOLIDAY",
      holidayKind: "CUTI_BERSAMA",
    });
    expect(fiveDayUnit.isWorkingDay("2026-03-23")).toBe(false);
  });

  it("a holiday on a weekend is reported as a holiday, not a weekend", () => {
    expect(fiveDayUnit.dayStatus("2026-03-22")).toMatchObject({ kind: "HOLIDAY", name: "Idulfitri" });
  });

  it("when a regional and a national holiday share a date, the national one is shown", () => {
    const calendar = createWorkingCalendar({
      workingDays: MON_FRI,
      holidays: [
        { date: "2026-08-17", name: "Libur daerah", kind: "LIBUR_DAERAH" },
        { date: "2026-08-17", name: "Hari Kemerdekaan", kind: "LIBUR_NASIONAL" },
      ],
    });
    expect(calendar.dayStatus("2026-08-17")).toMatchObject({ name: "Hari Kemerdekaan" });
  });
});

describe("absences", () => {
  const person = createWorkingCalendar({
    workingDays: MON_FRI,
    holidays: IDULFITRI_BLOCK,
    absences: [
      { startDate: "2026-03-05", endDate: "2026-03-10", kind: "CUTI" },
      { startDate: "2026-03-24", endDate: "2026-03-25", kind: "SAKIT" },
    ],
  });

  it("an absence covers its first and last day, not the days around it", () => {
    expect(person.dayStatus("2026-03-04")).toEqual({ kind: "WORKING" });
    expect(person.dayStatus("2026-03-05")).toEqual({ kind: "ABSENCE", absenceKind: "CUTI" });
    expect(person.dayStatus("2026-03-10")).toEqual({ kind: "ABSENCE", absenceKind: "CUTI" });
    expect(person.dayStatus("2026-03-11")).toEqual({ kind: "WORKING" });
  });

  it("a weekend or holiday inside an absence stays a weekend or holiday", () => {
    expect(person.dayStatus("2026-03-07")).toEqual({ kind: "WEEKEND" });
    expect(person.dayStatus("2026-03-24")).toMatchObject({ kind: "HOLIDAY" });
    expect(person.dayStatus("2026-03-25")).toEqual({ kind: "ABSENCE", absenceKind: "SAKIT" });
  });

  it("an absent day is still a unit working day but not a working day for the person", () => {
    expect(person.isWorkingDay("2026-03-09")).toBe(true);
    expect(person.isWorkingDayFor("2026-03-09")).toBe(false);
    expect(person.isWorkingDayFor("2026-03-11")).toBe(true);
    expect(person.isWorkingDayFor("2026-03-07")).toBe(false);
  });

  it("absent working days leave the month's available days, not the unit's working days", () => {
    // 17 working days in March; the absences take Thu 5, Fri 6, Mon 9, Tue 10 and Wed 25.
    expect(person.workingDaysInMonth(2026, 3)).toBe(17);
    expect(person.availableWorkingDaysInMonth(2026, 3)).toBe(12);
  });

  it("an absence across a month end counts in each month", () => {
    const calendar = createWorkingCalendar({
      workingDays: MON_FRI,
      holidays: [],
      absences: [{ startDate: "2026-02-26", endDate: "2026-03-03", kind: "DINAS_LUAR" }],
    });
    expect(calendar.availableWorkingDaysInMonth(2026, 2)).toBe(18);
    expect(calendar.availableWorkingDaysInMonth(2026, 3)).toBe(20);
  });
});

describe("working days in a month", () => {
  it("counts weekdays of the unit without holidays", () => {
    expect(createWorkingCalendar({ workingDays: MON_FRI, holidays: [] }).workingDaysInMonth(2026, 3)).toBe(
      22,
    );
    expect(createWorkingCalendar({ workingDays: MON_SAT, holidays: [] }).workingDaysInMonth(2026, 3)).toBe(
      26,
    );
    expect(createWorkingCalendar({ workingDays: MON_FRI, holidays: [] }).workingDaysInMonth(2026, 2)).toBe(
      20,
    );
  });

  it("leaves out holidays that fall on working days", () => {
    expect(fiveDayUnit.workingDaysInMonth(2026, 3)).toBe(17);
    // The Saturday holiday (21 March) is a lost working day for a six-day unit.
    expect(puskesmas.workingDaysInMonth(2026, 3)).toBe(20);
  });
});

describe("previous and next working day", () => {
  it("skips the weekend", () => {
    expect(fiveDayUnit.previousWorkingDay("2026-03-09")).toBe("2026-03-06");
    expect(fiveDayUnit.previousWorkingDay("2026-03-08")).toBe("2026-03-06");
    expect(fiveDayUnit.nextWorkingDay("2026-03-06")).toBe("2026-03-09");
    expect(fiveDayUnit.nextWorkingDay("2026-03-07")).toBe("2026-03-09");
    expect(fiveDayUnit.nextWorkingDay("2026-03-04")).toBe("2026-03-05");
  });

  it("skips a week of holidays", () => {
    expect(fiveDayUnit.nextWorkingDay("2026-03-17")).toBe("2026-03-25");
    expect(fiveDayUnit.previousWorkingDay("2026-03-25")).toBe("2026-03-17");
  });

  it("a six-day unit's working day before Monday is Saturday", () => {
    expect(puskesmas.previousWorkingDay("2026-03-09")).toBe("2026-03-07");
  });

  it("ignores the person's absences", () => {
    const person = createWorkingCalendar({
      workingDays: MON_FRI,
      holidays: [],
      absences: [{ startDate: "2026-03-09", endDate: "2026-03-09", kind: "CUTI" }],
    });
    expect(person.nextWorkingDay("2026-03-06")).toBe("2026-03-09");
  });
});

describe("workingDaysBetween counts working days after `from`, up to and including `to`", () => {
  it("a week from Monday to Monday is five working days", () => {
    expect(fiveDayUnit.workingDaysBetween("2026-03-02", "2026-03-09")).toBe(5);
  });

  it("is zero for the same date and for a weekend", () => {
    expect(fiveDayUnit.workingDaysBetween("2026-03-04", "2026-03-04")).toBe(0);
    expect(fiveDayUnit.workingDaysBetween("2026-03-06", "2026-03-08")).toBe(0);
  });

  it("counts one working day from Friday to Monday", () => {
    expect(fiveDayUnit.workingDaysBetween("2026-03-06", "2026-03-09")).toBe(1);
  });

  it("is negative when `to` comes first", () => {
    expect(fiveDayUnit.workingDaysBetween("2026-03-09", "2026-03-02")).toBe(-5);
  });

  it("does not count holidays", () => {
    expect(fiveDayUnit.workingDaysBetween("2026-03-17", "2026-03-25")).toBe(1);
  });
});

describe("input checks", () => {
  it("refuses a unit without working weekdays or with an impossible weekday", () => {
    expect(() => createWorkingCalendar({ workingDays: [], holidays: [] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ workingDays: [0, 1], holidays: [] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ workingDays: [8], holidays: [] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ workingDays: [1.5], holidays: [] })).toThrow(RangeError);
  });

  it("refuses an impossible holiday date or an absence that ends before it starts", () => {
    expect(() =>
      createWorkingCalendar({
        workingDays: MON_FRI,
        holidays: [{ date: "2026-02-30", name: "x", kind: "LIBUR_DAERAH" }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      createWorkingCalendar({
        workingDays: MON_FRI,
        holidays: [],
        absences: [{ startDate: "2026-03-10", endDate: "2026-03-09", kind: "CUTI" }],
      }),
    ).toThrow(RangeError);
  });

  it("refuses an impossible date", () => {
    expect(() => fiveDayUnit.dayStatus("2026-02-30")).toThrow(RangeError);
    expect(() => fiveDayUnit.isWorkingDay("2026-3-2")).toThrow(RangeError);
    expect(() => fiveDayUnit.workingDaysBetween("2026-03-02", "next week")).toThrow(RangeError);
  });
});
