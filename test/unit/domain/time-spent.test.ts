import { describe, expect, it } from "vitest";
import { formatClock, parseTimeSpent, rangesOverlap } from "../../../src/domain/time-spent.ts";

describe("time spent on an activity", () => {
  it.each([
    ["90", 90],
    ["90 menit", 90],
    ["45mnt", 45],
    ["1.5 jam", 90],
    ["1,5 jam", 90],
    ["2 jam", 120],
    ["2 jam 15 menit", 135],
    ["1.25 JAM", 75],
    ["3h", 180],
  ])("reads %s as %i minutes", (input, minutes) => {
    expect(parseTimeSpent(input)).toEqual({ ok: true, value: { minutes } });
  });

  it.each([
    ["08.00-10.30", 480, 630],
    ["08:00-10:30", 480, 630],
    ["8.00 - 10.30", 480, 630],
    ["13.15 s/d 14.00", 795, 840],
    ["07:30–16:00", 450, 960],
  ])("reads the range %s with its start and end", (input, startMinute, endMinute) => {
    expect(parseTimeSpent(input)).toEqual({
      ok: true,
      value: { minutes: endMinute - startMinute, startMinute, endMinute },
    });
  });

  it.each([
    ["", "UNREADABLE"],
    ["sebentar", "UNREADABLE"],
    ["1.5", "UNREADABLE"],
    ["25.00-26.00", "UNREADABLE"],
    ["08.60-09.00", "UNREADABLE"],
    ["-30", "UNREADABLE"],
    ["0", "ZERO"],
    ["0 jam", "ZERO"],
    ["10.30-08.00", "RANGE_END_NOT_AFTER_START"],
    ["09.00-09.00", "RANGE_END_NOT_AFTER_START"],
    ["1500", "MORE_THAN_A_DAY"],
    ["25 jam", "MORE_THAN_A_DAY"],
  ])("refuses %j (%s)", (input, error) => {
    expect(parseTimeSpent(input)).toEqual({ ok: false, error });
  });

  it("writes clock times the Indonesian way", () => {
    expect(formatClock(510)).toBe("08.30");
    expect(formatClock(0)).toBe("00.00");
    expect(formatClock(1439)).toBe("23.59");
  });

  it("tells overlapping ranges from adjacent ones", () => {
    expect(rangesOverlap({ startMinute: 480, endMinute: 600 }, { startMinute: 570, endMinute: 660 })).toBe(
      true,
    );
    expect(rangesOverlap({ startMinute: 480, endMinute: 600 }, { startMinute: 600, endMinute: 660 })).toBe(
      false,
    );
    expect(rangesOverlap({ startMinute: 480, endMinute: 900 }, { startMinute: 600, endMinute: 660 })).toBe(
      true,
    );
  });
});
