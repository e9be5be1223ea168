import { describe, expect, it } from "vitest";
import { ikmFromSums, ikmOf, type Mutu, mutuOf, type Score } from "../../../src/domain/ikm.ts";

describe("IKM of a unit (PermenPANRB 14/2017)", () => {
  it("follows a worked example: four answers, each unsur's mean, the IKM and its mutu", () => {
    // unsur:               u1 u2 u3 u4 u5 u6 u7 u8 u9
    const answers: Score[][] = [
      [4, 4, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 3, 4, 3, 3, 4, 2, 3],
      [4, 3, 2, 4, 4, 4, 4, 3, 3],
      [3, 4, 3, 3, 3, 4, 4, 3, 2],
    ];
    // Each unsur's mean, by hand:
    //   u1 (4+3+4+3)/4 = 14/4 = 3.50    u2 14/4 = 3.50    u3 11/4 = 2.75
    //   u4 15/4 = 3.75                  u5 13/4 = 3.25    u6 15/4 = 3.75
    //   u7 16/4 = 4.00                  u8 11/4 = 2.75    u9 11/4 = 2.75
    // Mean of the nine means: (3.50+3.50+2.75+3.75+3.25+3.75+4.00+2.75+2.75) / 9 = 30 / 9 = 3.3333...
    // IKM = 3.3333... × 25 = 83.3333... → 83.33; 76.61 ≤ 83.33 ≤ 88.30 → mutu B (baik).
    const result = ikmOf(answers);
    expect(result).toEqual({
      responses: 4,
      unsurMeans: [3.5, 3.5, 2.75, 3.75, 3.25, 3.75, 4, 2.75, 2.75],
      mean: 3.33,
      ikm: 83.33,
      mutu: "B",
    });
  });

  it("is the mean of the unsur means, not of each citizen's own mean (the same here: all score every unsur)", () => {
    // One citizen gives all 4s, another all 1s: every unsur mean is 2.5, IKM 62.5 → D.
    const result = ikmOf([Array(9).fill(4) as Score[], Array(9).fill(1) as Score[]]);
    expect(result?.unsurMeans).toEqual(Array(9).fill(2.5));
    expect(result?.ikm).toBe(62.5);
    expect(result?.mutu).toBe("D");
  });

  it("runs from 25 (all tidak baik) to 100 (all sangat baik)", () => {
    expect(ikmOf([Array(9).fill(1) as Score[]])).toMatchObject({ ikm: 25, mutu: "D" });
    expect(ikmOf([Array(9).fill(4) as Score[]])).toMatchObject({ ikm: 100, mutu: "A" });
  });

  it("has no IKM without answers", () => {
    expect(ikmOf([])).toBeNull();
    expect(ikmFromSums(Array(9).fill(0), 0)).toBeNull();
  });

  it("refuses an answer that does not score all nine unsur from 1 to 4", () => {
    expect(() => ikmOf([[4, 4, 4]] as Score[][])).toThrow();
    expect(() => ikmOf([[4, 4, 4, 4, 4, 4, 4, 4, 5]] as unknown as Score[][])).toThrow();
  });
});

describe("mutu pelayanan", () => {
  const boundaries: [number, Mutu][] = [
    [100, "A"],
    [88.31, "A"],
    [88.3, "B"],
    [76.61, "B"],
    [76.6, "C"],
    [65, "C"],
    [64.99, "D"],
    [25, "D"],
  ];
  it.each(boundaries)("IKM %d is mutu %s", (ikm, mutu) => {
    expect(mutuOf(ikm)).toBe(mutu);
  });

  // 5,000 answers whose unsur sums are all S give an IKM of exactly 9·S·25 / 45,000 = S / 200.
  const exact = (unsurSum: number) => ikmFromSums(Array(9).fill(unsurSum), 5_000);

  it("rounds the IKM to two decimals before reading the mutu: 88.305 is 88.31, mutu A", () => {
    // 17,661 / 200 = 88.305 exactly: unrounded it would be below 88.31 (B).
    expect(exact(17_661)).toMatchObject({ ikm: 88.31, mutu: "A" });
    expect(exact(17_660)).toMatchObject({ ikm: 88.3, mutu: "B" });
  });

  it("76.605 is 76.61 (B) and 64.995 is 65.00 (C)", () => {
    expect(exact(15_321)).toMatchObject({ ikm: 76.61, mutu: "B" });
    expect(exact(15_320)).toMatchObject({ ikm: 76.6, mutu: "C" });
    expect(exact(12_999)).toMatchObject({ ikm: 65, mutu: "C" });
    expect(exact(12_998)).toMatchObject({ ikm: 64.99, mutu: "D" });
  });
});
