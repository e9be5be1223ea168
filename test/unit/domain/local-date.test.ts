import { describe, expect, it } from "vitest";
import {
  addDays,
  assertLocalDate,
  datesOfMonth,
  daysFromTo,
  daysInMonth,
  daysInYear,
  isLocalDate,
  isoWeekday,
} from "../../../src/domain/local-date.ts";

describe("isLocalDate", () => {
  it("accepts existing dates written YYYY-MM-DD", () => {
    expect(isLocalDate("2026-03-02")).toBe(true);
    expect(isLocalDate("2024-02-29")).toBe(true);
  });

  it("refuses impossible dates and other spellings", () => {
    for (const value of [
      "2026-02-29",
      "2026-13-01",
      "2026-04-31",
      "2026-3-2",
      "02-03-2026",
      "2026-03-02T00:00",
      "",
    ]) {
      expect(isLocalDate(value), value).toBe(false);
    }
    expect(() => assertLocalDate("2026-02-30")).toThrow(RangeError);
  });
});

describe("date arithmetic", () => {
  it("adds and subtracts days across month and year ends", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-02", 0)).toBe("2026-03-02");
    expect(() => addDays("2026-03-02", 0.5)).toThrow(RangeError);
  });

  it("counts calendar days between dates", () => {
    expect(daysFromTo("2026-01-01", "2026-12-31")).toBe(364);
    expect(daysFromTo("2026-03-09", "2026-03-02")).toBe(-7);
  });

  it("gives ISO weekdays, Monday 1 to Sunday 7", () => {
    expect(isoWeekday("2026-03-02")).toBe(1);
    expect(isoWeekday("2026-03-07")).toBe(6);
    expect(isoWeekday("2026-03-08")).toBe(7);
    expect(isoWeekday("2026-08-17")).toBe(1);
    expect(isoWeekday("1969-12-31")).toBe(3);
  });
});

describe("months and years", () => {
  it("knows the length of months, including February in leap years", () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
    expect(() => daysInMonth(2026, 0)).toThrow(RangeError);
  });

  it("lists the dates of a month", () => {
    const february = datesOfMonth(2026, 2);
    expect(february).toHaveLength(28);
    expect(february[0]).toBe("2026-02-01");
    expect(february[27]).toBe("2026-02-28");
  });

  it("knows the length of years", () => {
    expect(daysInYear(2026)).toBe(365);
    expect(daysInYear(2024)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
  });
});
