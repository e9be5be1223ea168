import { describe, expect, it } from "vitest";
import {
  achievementPercent,
  elapsedYearPercent,
  paceStatus,
  progressBar,
} from "../../../src/domain/achievement.ts";

describe("achievementPercent", () => {
  it("is realised over target as a percentage with one decimal", () => {
    expect(achievementPercent(12, 3)).toBe(25);
    expect(achievementPercent(3, 1)).toBe(33.3);
    expect(achievementPercent(3, 2)).toBe(66.7);
    expect(achievementPercent(1200, 1)).toBe(0.1);
  });

  it("rounds half up (49 of 400 is 12.25 %, shown as 12.3 %)", () => {
    expect(achievementPercent(400, 49)).toBe(12.3);
  });

  it("may exceed 100 % when more was done than planned", () => {
    expect(achievementPercent(10, 15)).toBe(150);
  });

  it("is 0 for nothing done and for a target that is not positive", () => {
    expect(achievementPercent(10, 0)).toBe(0);
    expect(achievementPercent(0, 5)).toBe(0);
    expect(achievementPercent(-5, 1)).toBe(0);
    expect(achievementPercent(Number.NaN, 1)).toBe(0);
    expect(achievementPercent(10, -1)).toBe(0);
  });
});

describe("progressBar", () => {
  it("fills one cell per 10 % by default", () => {
    expect(progressBar(0)).toBe("░░░░░░░░░░");
    expect(progressBar(30)).toBe("▓▓▓░░░░░░░");
    expect(progressBar(100)).toBe("▓▓▓▓▓▓▓▓▓▓");
  });

  it("is full only at 100 %: 99.9 % still shows an empty cell", () => {
    expect(progressBar(99.9)).toBe("▓▓▓▓▓▓▓▓▓░");
    expect(progressBar(9.9)).toBe("░░░░░░░░░░");
  });

  it("stops at 100 % and at 0 %", () => {
    expect(progressBar(150)).toBe("▓▓▓▓▓▓▓▓▓▓");
    expect(progressBar(-20)).toBe("░░░░░░░░░░");
    expect(progressBar(Number.NaN)).toBe("░░░░░░░░░░");
  });

  it("can be drawn at another width", () => {
    expect(progressBar(50, 5)).toBe("▓▓░░░");
    expect(progressBar(75, 20)).toBe("▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓░░░░░");
    expect(() => progressBar(50, 0)).toThrow(RangeError);
  });
});

describe("elapsedYearPercent", () => {
  it("counts the days before today", () => {
    expect(elapsedYearPercent(2026, "2026-01-01")).toBe(0);
    expect(elapsedYearPercent(2026, "2026-07-02")).toBe(49.9); // 182 of 365 days
    expect(elapsedYearPercent(2026, "2026-12-31")).toBe(99.7); // 364 of 365 days
    expect(elapsedYearPercent(2024, "2024-07-02")).toBe(50); // 183 of 366 days
  });

  it("is 0 before the year and 100 after it", () => {
    expect(elapsedYearPercent(2026, "2025-12-31")).toBe(0);
    expect(elapsedYearPercent(2026, "2027-01-05")).toBe(100);
  });
});

describe("paceStatus", () => {
  const midYear = "2026-07-02"; // 49.9 % of 2026 is over

  it("nobody is behind in the first days of the year", () => {
    expect(paceStatus({ target: 1000, realised: 0, year: 2026, today: "2026-01-10" })).toBe("ON_TRACK");
  });

  it("is on track within 10 percentage points either way, boundaries included", () => {
    expect(paceStatus({ target: 1000, realised: 500, year: 2026, today: midYear })).toBe("ON_TRACK");
    expect(paceStatus({ target: 1000, realised: 399, year: 2026, today: midYear })).toBe("ON_TRACK"); // -10.0
    expect(paceStatus({ target: 1000, realised: 599, year: 2026, today: midYear })).toBe("ON_TRACK"); // +10.0
  });

  it("is behind or ahead beyond 10 percentage points", () => {
    expect(paceStatus({ target: 1000, realised: 398, year: 2026, today: midYear })).toBe("BEHIND"); // -10.1
    expect(paceStatus({ target: 1000, realised: 600, year: 2026, today: midYear })).toBe("AHEAD"); // +10.1
  });

  it("an indicator with 4 quarterly reports is not behind before the first report is due", () => {
    // 22 March: 21.9 % of the year is over; one report is worth 25 points.
    expect(paceStatus({ target: 4, realised: 0, year: 2026, today: "2026-03-22" })).toBe("ON_TRACK");
    // 10 April: 27.1 % is over and the first quarter's report is still missing.
    expect(paceStatus({ target: 4, realised: 0, year: 2026, today: "2026-04-10" })).toBe("BEHIND");
    // Two reports done by 22 March: 50 % against 21.9 %.
    expect(paceStatus({ target: 4, realised: 2, year: 2026, today: "2026-03-22" })).toBe("AHEAD");
  });

  it("judges a past year against the whole year", () => {
    expect(paceStatus({ target: 100, realised: 95, year: 2025, today: "2026-02-01" })).toBe("ON_TRACK");
    expect(paceStatus({ target: 100, realised: 85, year: 2025, today: "2026-02-01" })).toBe("BEHIND");
  });

  it("treats WAKTU and BIAYA indicators like the others: outputs are counted", () => {
    expect(paceStatus({ target: 1000, realised: 398, year: 2026, today: midYear, aspect: "WAKTU" })).toBe(
      "BEHIND",
    );
    expect(paceStatus({ target: 1000, realised: 500, year: 2026, today: midYear, aspect: "BIAYA" })).toBe(
      "ON_TRACK",
    );
  });

  it("has nothing to judge without a positive target", () => {
    expect(paceStatus({ target: 0, realised: 0, year: 2026, today: midYear })).toBe("ON_TRACK");
  });
});
