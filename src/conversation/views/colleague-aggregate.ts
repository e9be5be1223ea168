import type { Messages } from "../../i18n/id.ts";
import { type ColleagueAggregate, MIN_GIVERS } from "../../services/colleague-input.ts";

/** Colleagues' input as lines: counts per value and the notes, or a word that there is not enough yet. */
export function colleagueLines(t: Messages, aggregate: ColleagueAggregate | null): string[] {
  if (!aggregate) return [t.colleague.belowThreshold(MIN_GIVERS)];
  const lines = [t.colleague.aggregateHeader(aggregate.givers)];
  for (const v of aggregate.values) {
    lines.push(
      t.colleague.aggregateValue(
        t.evaluation.values[v.value],
        v.counts.DI_ATAS,
        v.counts.SESUAI,
        v.counts.DI_BAWAH,
      ),
      ...v.notes.map((note) => t.colleague.aggregateNote(note)),
    );
  }
  return lines;
}
