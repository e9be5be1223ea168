/**
 * Indeks Kepuasan Masyarakat (IKM) of a Survei Kepuasan Masyarakat (SKM, PermenPANRB 14/2017; DOMAIN.md "SKM"):
 * nine unsur, each scored 1–4; IKM = (mean over the unsur of each unsur's mean) × 25, from 25 to 100, rounded to
 * two decimals before its mutu is read. Pure arithmetic on whole numbers (hundredths), so no floating-point
 * rounding can move a value across a mutu boundary.
 */

/** The nine unsur in the regulation's order; a response scores each of them. */
export const UNSUR = [
  "PERSYARATAN",
  "PROSEDUR",
  "WAKTU",
  "BIAYA",
  "PRODUK",
  "KOMPETENSI",
  "PERILAKU",
  "PENGADUAN",
  "SARANA",
] as const;
export type Unsur = (typeof UNSUR)[number];

/** A citizen's perception of one unsur: 1 tidak baik, 2 kurang baik, 3 baik, 4 sangat baik. */
export const SCORES = [1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];

export const isScore = (value: unknown): value is Score =>
  typeof value === "number" && (SCORES as readonly number[]).includes(value);

/** Mutu pelayanan: A sangat baik, B baik, C kurang baik, D tidak baik. */
export type Mutu = "A" | "B" | "C" | "D";

/** The lowest IKM (in hundredths) of each mutu: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99. */
const MUTU_FLOORS: readonly [Mutu, number][] = [
  ["A", 8831],
  ["B", 7661],
  ["C", 6500],
  ["D", 0],
];

/** The mutu of an IKM already rounded to two decimals. */
export function mutuOf(ikm: number): Mutu {
  const hundredths = Math.round(ikm * 100);
  for (const [mutu, floor] of MUTU_FLOORS) if (hundredths >= floor) return mutu;
  return "D";
}

/** numerator ÷ denominator rounded half up to hundredths, in whole numbers (both non-negative). */
function hundredthsOf(numerator: number, denominator: number): number {
  return Math.floor((200 * numerator + denominator) / (2 * denominator));
}

export interface IkmResult {
  responses: number;
  /** Each unsur's mean (nilai rata-rata), rounded to two decimals, in the order of UNSUR */
  unsurMeans: number[];
  /** The mean over all nine unsur (1–4), rounded to two decimals */
  mean: number;
  /** (mean over the unsur of each unsur's mean) × 25, rounded to two decimals */
  ikm: number;
  mutu: Mutu;
}

/**
 * The IKM of `responses` answers whose scores add up to `sums` per unsur (in the order of UNSUR); null when
 * there is no answer. Every answer scores every unsur, so the mean of the unsur means is the grand total over
 * 9 × responses, and the IKM is exactly total × 25 ÷ (9 × responses) before it is rounded.
 */
export function ikmFromSums(sums: readonly number[], responses: number): IkmResult | null {
  if (responses <= 0) return null;
  if (sums.length !== UNSUR.length)
    throw new Error(`expected ${UNSUR.length} unsur sums, got ${sums.length}`);
  const total = sums.reduce((a, b) => a + b, 0);
  const cells = UNSUR.length * responses;
  const ikm = hundredthsOf(total * 25, cells) / 100;
  return {
    responses,
    unsurMeans: sums.map((sum) => hundredthsOf(sum, responses) / 100),
    mean: hundredthsOf(total, cells) / 100,
    ikm,
    mutu: mutuOf(ikm),
  };
}

/** The IKM of a list of answers, each nine scores in the order of UNSUR; null for none. */
export function ikmOf(answers: readonly (readonly Score[])[]): IkmResult | null {
  const sums = UNSUR.map((_, i) => answers.reduce((sum, answer) => sum + (answer[i] ?? 0), 0));
  for (const answer of answers) {
    if (answer.length !== UNSUR.length || !answer.every(isScore)) {
      throw new Error("every answer scores each of the nine unsur from 1 to 4");
    }
  }
  return ikmFromSums(sums, answers.length);
}
