import type { CoreValue } from "../services/evaluations.ts";
import { competencyOf, wordsMatch } from "./competency.ts";

/** At most this many recommendations are shown. */
export const MAX_RECOMMENDATIONS = 3;

/** Why a training is recommended. */
export type RecommendationReason =
  /** the latest evaluation rated perilaku DI_BAWAH; `value` the BerAKHLAK value the rater noted (null: none noted) */
  | { kind: "evaluation"; value: CoreValue | null; periodCode: string }
  /** colleagues' input (an aggregate that may be shown: from 3 givers) rated the value Di Bawah */
  | { kind: "colleagues"; value: CoreValue; periodName: string }
  /** an IKI of this year's SKP behind pace whose indicator shares a word with the training's kompetensi */
  | { kind: "iki"; ikiCode: string };

/** What the recommendations are made from (loaded by services/training-signals.ts). */
export interface DevelopmentSignals {
  /** the latest evaluation, when its perilaku was DI_BAWAH: the values noted (empty: none noted) */
  evaluation: { periodCode: string; notedValues: readonly CoreValue[] } | null;
  /** the latest ended period's colleagues' aggregate, when shown: values with a Di Bawah rating */
  colleagues: { periodName: string; values: readonly CoreValue[] } | null;
  /** IKIs of this year behind pace */
  behindIkis: readonly { code: string; indicator: string }[];
}

export interface CatalogueEntry {
  id: string;
  code: string;
  competency: string;
}

export interface Recommendation<T extends CatalogueEntry> {
  training: T;
  reasons: RecommendationReason[];
}

const RANK: Record<RecommendationReason["kind"], number> = { evaluation: 0, colleagues: 1, iki: 2 };

/**
 * The rules as built (README "Development (pelatihan)"): a training whose kompetensi is a BerAKHLAK value
 * is recommended when the latest evaluation rated perilaku Di Bawah Ekspektasi and the rater noted that
 * value (or noted none: then every value training), or when colleagues' shown input rated that value Di
 * Bawah; a training of words when one of them is a word of the indicator of an IKI behind pace. Trainings
 * in `taken` (requested, approved or reported) are left out. Ordered by their strongest reason
 * (evaluation, colleagues, IKI), then by how many reasons, then by code; at most `max`.
 */
export function recommendTrainings<T extends CatalogueEntry>(
  catalogue: readonly T[],
  signals: DevelopmentSignals,
  taken: ReadonlySet<string>,
  max = MAX_RECOMMENDATIONS,
): Recommendation<T>[] {
  const found: Recommendation<T>[] = [];
  for (const training of catalogue) {
    if (taken.has(training.id)) continue;
    const reasons: RecommendationReason[] = [];
    const competency = competencyOf(training.competency);
    if (competency.kind === "value") {
      const { evaluation, colleagues } = signals;
      if (evaluation && evaluation.notedValues.length === 0) {
        reasons.push({ kind: "evaluation", value: null, periodCode: evaluation.periodCode });
      } else if (evaluation?.notedValues.includes(competency.value)) {
        reasons.push({ kind: "evaluation", value: competency.value, periodCode: evaluation.periodCode });
      }
      if (colleagues?.values.includes(competency.value)) {
        reasons.push({ kind: "colleagues", value: competency.value, periodName: colleagues.periodName });
      }
    } else if (competency.words.length > 0) {
      for (const iki of signals.behindIkis) {
        if (wordsMatch(competency.words, iki.indicator)) reasons.push({ kind: "iki", ikiCode: iki.code });
      }
    }
    if (reasons.length > 0) found.push({ training, reasons });
  }
  const strongest = (r: Recommendation<T>) => Math.min(...r.reasons.map((reason) => RANK[reason.kind]));
  return found
    .sort(
      (a, b) =>
        strongest(a) - strongest(b) ||
        b.reasons.length - a.reasons.length ||
        a.training.code.localeCompare(b.training.code),
    )
    .slice(0, max);
}
