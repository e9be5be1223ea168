import { describe, expect, it } from "vitest";
import {
  defaultPeriods,
  objectionDeadline,
  openPeriods,
  ratingLate,
  ratingOpen,
} from "../../../src/domain/periods.ts";
import {
  distributionWarnings,
  headHasilKerja,
  loadPolaDistribusi,
  type PolaDistribusi,
} from "../../../src/domain/pola-distribusi.ts";
import type { Predikat } from "../../../src/domain/predikat.ts";

const pola = loadPolaDistribusi();
const times = (n: number, p: Predikat): Predikat[] => Array.from({ length: n }, () => p);

describe("default periods (SPEC section 12)", () => {
  it("are triwulan I–IV and tahunan, deadline 14 days after the end", () => {
    const periods = defaultPeriods(2026);
    expect(periods.map((p) => [p.code, p.startDate, p.endDate, p.ratingDeadline])).toEqual([
      ["2026-TW1", "2026-01-01", "2026-03-31", "2026-04-14"],
      ["2026-TW2", "2026-04-01", "2026-06-30", "2026-07-14"],
      ["2026-TW3", "2026-07-01", "2026-09-30", "2026-10-14"],
      ["2026-TW4", "2026-10-01", "2026-12-31", "2027-01-14"],
      ["2026-TAHUNAN", "2026-01-01", "2026-12-31", "2027-01-14"],
    ]);
  });

  it("open the day after they end and are late after the deadline", () => {
    const [, , tw3] = defaultPeriods(2026);
    if (!tw3) throw new Error("no TW3");
    expect(ratingOpen(tw3, "2026-09-30")).toBe(false);
    expect(ratingOpen(tw3, "2026-10-01")).toBe(true);
    expect(ratingLate(tw3, "2026-10-14")).toBe(false);
    expect(ratingLate(tw3, "2026-10-15")).toBe(true);
  });

  it("put the annual evaluation before the fourth quarter when both ended", () => {
    const periods = [...defaultPeriods(2026), ...defaultPeriods(2027)];
    expect(openPeriods(periods, "2027-01-05").map((p) => p.code)).toEqual([
      "2026-TAHUNAN",
      "2026-TW4",
      "2026-TW3",
      "2026-TW2",
      "2026-TW1",
    ]);
  });

  it("let an employee object through the 14th day after they were told", () => {
    expect(objectionDeadline("2026-10-02")).toBe("2026-10-16");
    expect(objectionDeadline("2026-12-20")).toBe("2027-01-03");
  });
});

describe("pola distribusi (research/domain-brief.md 3.5), warnings only", () => {
  it("ships its source with the rules", () => {
    expect(pola.source).toContain("PermenPANRB 6/2022");
  });

  it("warns a unit with capaian Baik whose staff are all Sangat Baik: some Butuh Perbaikan or Kurang expected", () => {
    const warnings = distributionWarnings(pola, "BAIK", times(4, "SANGAT_BAIK"), 4);
    expect(warnings.map((w) => w.rule.predikat)).toEqual([["BUTUH_PERBAIKAN", "KURANG_MISCONDUCT"]]);
  });

  it("checks minimums only once everyone is rated, maximums at once", () => {
    expect(distributionWarnings(pola, "BAIK", times(2, "SANGAT_BAIK"), 4)).toEqual([]);
    const over = distributionWarnings(pola, "BAIK", times(3, "BAIK"), 4);
    expect(over.map((w) => [w.rule.maxPercent, w.count, w.rated])).toEqual([[70, 3, 3]]);
  });

  it("forbids Sangat Baik where the unit's capaian is Sangat Kurang", () => {
    const given: Predikat[] = [
      "SANGAT_KURANG",
      "SANGAT_KURANG",
      "SANGAT_KURANG",
      "KURANG_MISCONDUCT",
      "SANGAT_BAIK",
    ];
    const warnings = distributionWarnings(pola, "SANGAT_KURANG", given, 5);
    expect(warnings.map((w) => w.rule.predikat)).toEqual([["SANGAT_BAIK"]]);
  });

  it("is met by a Butuh Perbaikan unit with 60 % Butuh Perbaikan and 10 % Sangat Baik", () => {
    const given = [...times(6, "BUTUH_PERBAIKAN"), "SANGAT_BAIK", ...times(3, "BAIK")] as Predikat[];
    expect(distributionWarnings(pola, "BUTUH_PERBAIKAN", given, 10)).toEqual([]);
  });

  it("reads another rule set as data", () => {
    const strict: PolaDistribusi = {
      source: "test",
      rules: { ISTIMEWA: [{ predikat: ["SANGAT_BAIK"], maxPercent: 10 }] },
    };
    expect(distributionWarnings(strict, "ISTIMEWA", times(2, "SANGAT_BAIK"), 2)).toHaveLength(1);
    expect(distributionWarnings(strict, "BAIK", times(2, "SANGAT_BAIK"), 2)).toEqual([]);
  });

  it("gives the unit head the rating hasil kerja of the unit's capaian", () => {
    expect(headHasilKerja("ISTIMEWA")).toBe("DI_ATAS");
    expect(headHasilKerja("BAIK")).toBe("SESUAI");
    for (const lower of ["BUTUH_PERBAIKAN", "KURANG", "SANGAT_KURANG"] as const)
      expect(headHasilKerja(lower)).toBe("DI_BAWAH");
  });
});
