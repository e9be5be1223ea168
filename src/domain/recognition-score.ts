/**
 * The monthly recognition's suggestions (SPEC section 14): transparent criteria from data the product
 * has, folded into one score so the unit head sees why someone is suggested. It is a suggestion for a
 * thank-you, never a rating: the predikat comes only from the periodic evaluation.
 */
export interface RecognitionCriteria {
  /** Average over the person's active IKIs of approved output in the month ÷ (yearly target ÷ 12), each capped at 100 */
  capaianPercent: number;
  /** Days with a report that counts (submitted, approved or in revision) on working days of the month */
  daysReported: number;
  /** The month's working days of the unit, minus the person's days of declared absence */
  workingDays: number;
  /** Reports of the month approved */
  approved: number;
  /** Of those, approved without a revision round */
  approvedClean: number;
  /** Kudos received in the month */
  kudos: number;
  /** The served-citizen mean (1–4) when at least 3 answers named the person in the month, else null */
  servedAverage: number | null;
}

/** The weight of each criterion in the score (out of 100). */
export const RECOGNITION_WEIGHTS = {
  capaian: 35,
  days: 25,
  clean: 20,
  kudos: 10,
  served: 10,
} as const;

/** Kudos count up to this many in a month; more add nothing (a thank-you is not a vote). */
export const KUDOS_CAP = 5;
/** At most this many are suggested to the unit head. */
export const MAX_SUGGESTIONS = 3;

const clamp01 = (value: number): number => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);

/**
 * 0–100, one decimal. Each criterion is scaled to 0–1 (capaian ÷ 100; days reported ÷ working days;
 * approved without revision ÷ approved; kudos ÷ 5; served mean (1–4) as (mean − 1) ÷ 3) and weighted
 * by {@link RECOGNITION_WEIGHTS}. Without a served average (no survey, fewer than 3 answers) its weight
 * is left out and the others carry the score, so nobody loses for working away from citizens.
 */
export function recognitionScore(c: RecognitionCriteria): number {
  const parts: [number, number][] = [
    [RECOGNITION_WEIGHTS.capaian, clamp01(c.capaianPercent / 100)],
    [RECOGNITION_WEIGHTS.days, c.workingDays > 0 ? clamp01(c.daysReported / c.workingDays) : 0],
    [RECOGNITION_WEIGHTS.clean, c.approved > 0 ? clamp01(c.approvedClean / c.approved) : 0],
    [RECOGNITION_WEIGHTS.kudos, clamp01(c.kudos / KUDOS_CAP)],
  ];
  if (c.servedAverage !== null) parts.push([RECOGNITION_WEIGHTS.served, clamp01((c.servedAverage - 1) / 3)]);
  const weights = parts.reduce((sum, [w]) => sum + w, 0);
  const score = parts.reduce((sum, [w, v]) => sum + w * v, 0) / weights;
  return Math.round(score * 1000) / 10;
}

export interface Suggestible {
  personId: string;
  name: string;
  criteria: RecognitionCriteria;
}

/**
 * Up to {@link MAX_SUGGESTIONS} people with at least one approved report in the month, best score
 * first; ties go to more approved reports, then by name (stable, so the same data gives the same list).
 */
export function suggest<T extends Suggestible>(people: readonly T[]): (T & { score: number })[] {
  return people
    .filter((p) => p.criteria.approved > 0)
    .map((p) => ({ ...p, score: recognitionScore(p.criteria) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.criteria.approved - a.criteria.approved ||
        a.name.localeCompare(b.name, "id") ||
        a.personId.localeCompare(b.personId),
    )
    .slice(0, MAX_SUGGESTIONS);
}
