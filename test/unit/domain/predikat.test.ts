import { describe, expect, it } from "vitest";
import { isRating, type Predikat, predikat, type Rating } from "../../../src/domain/predikat.ts";

describe("predikat matrix (PermenPANRB 6/2022)", () => {
  // [hasil kerja, perilaku kerja, expected] — written out cell by cell, not derived from the code.
  const cells: [Rating, Rating, Predikat][] = [
    ["DI_ATAS", "DI_ATAS", "SANGAT_BAIK"],
    ["DI_ATAS", "SESUAI", "BAIK"],
    ["DI_ATAS", "DI_BAWAH", "KURANG_MISCONDUCT"],
    ["SESUAI", "DI_ATAS", "BAIK"],
    ["SESUAI", "SESUAI", "BAIK"],
    ["SESUAI", "DI_BAWAH", "KURANG_MISCONDUCT"],
    ["DI_BAWAH", "DI_ATAS", "BUTUH_PERBAIKAN"],
    ["DI_BAWAH", "SESUAI", "BUTUH_PERBAIKAN"],
    ["DI_BAWAH", "DI_BAWAH", "SANGAT_KURANG"],
  ];

  it.each(cells)("hasil kerja %s and perilaku %s give %s", (hasilKerja, perilaku, expected) => {
    expect(predikat(hasilKerja, perilaku)).toBe(expected);
  });

  it("is not symmetric: results above with behaviour below is not the same as the reverse", () => {
    expect(predikat("DI_ATAS", "DI_BAWAH")).toBe("KURANG_MISCONDUCT");
    expect(predikat("DI_BAWAH", "DI_ATAS")).toBe("BUTUH_PERBAIKAN");
  });
});

describe("isRating", () => {
  it("accepts the three ratings and nothing else", () => {
    expect(["DI_ATAS", "SESUAI", "DI_BAWAH"].every(isRating)).toBe(true);
    expect(isRating("di_atas")).toBe(false);
    expect(isRating("BAIK")).toBe(false);
    expect(isRating("")).toBe(false);
  });
});
