/**
 * Predikat kinerja (PermenPANRB 6/2022): the grade that follows from the rater's two ratings, each
 * against expectations (ekspektasi): rating hasil kerja (results) and rating perilaku kerja (behaviour).
 */
export type Rating = "DI_ATAS" | "SESUAI" | "DI_BAWAH";

export type Predikat = "SANGAT_BAIK" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG_MISCONDUCT" | "SANGAT_KURANG";

export const RATINGS: readonly Rating[] = ["DI_ATAS", "SESUAI", "DI_BAWAH"];

export function isRating(value: string): value is Rating {
  return (RATINGS as readonly string[]).includes(value);
}

/** Rows: rating hasil kerja; columns: rating perilaku kerja (DOMAIN.md). */
const MATRIX: Readonly<Record<Rating, Readonly<Record<Rating, Predikat>>>> = {
  DI_ATAS: { DI_BAWAH: "KURANG_MISCONDUCT", SESUAI: "BAIK", DI_ATAS: "SANGAT_BAIK" },
  SESUAI: { DI_BAWAH: "KURANG_MISCONDUCT", SESUAI: "BAIK", DI_ATAS: "BAIK" },
  DI_BAWAH: { DI_BAWAH: "SANGAT_KURANG", SESUAI: "BUTUH_PERBAIKAN", DI_ATAS: "BUTUH_PERBAIKAN" },
};

/**
 * The predikat for a rating of hasil kerja (results) and a rating of perilaku kerja (behaviour).
 * Behaviour below expectations gives KURANG_MISCONDUCT whatever the results, unless the results are
 * below expectations too (SANGAT_KURANG); SANGAT_BAIK needs both above expectations.
 */
export function predikat(hasilKerja: Rating, perilaku: Rating): Predikat {
  return MATRIX[hasilKerja][perilaku];
}
