import { RECOGNITION_WEIGHTS } from "../domain/recognition-score.ts";
import { formatMonth, formatNumber } from "../i18n/format.ts";
import { messagesFor } from "../i18n/index.ts";
import type { OutboundMessage } from "../outbound/port.ts";
import type { RecognitionView } from "../services/recognition.ts";
import type { Choice, LocaleCode } from "./types.ts";

/** The core's button data of the head's message (the conversation's recognition flow, owner "g"). */
export const recognitionToggleData = (id: string, rank: number): string => `g:x:${id}:${rank}`;
export const recognitionNextData = (id: string): string => `g:ok:${id}`;
export const recognitionNoneData = (id: string): string => `g:no:${id}`;

/**
 * The unit head's message: each suggestion with every criterion behind its score, then the buttons to
 * mark people and answer; once answered, the answer in place of the buttons.
 */
export function recognitionMessage(view: RecognitionView, locale: LocaleCode): OutboundMessage {
  const t = messagesFor(locale).recognition;
  const n = (value: number) => formatNumber(value, locale);
  const lines = [t.header(formatMonth(view.month, locale), view.unitName), t.intro, ""];
  for (const c of view.candidates) {
    lines.push(t.candidate(c.rank, c.name, n(c.score)));
    lines.push(c.criteria.capaianPercent > 0 ? t.capaian(n(c.criteria.capaianPercent)) : t.noSkp);
    lines.push(t.days(c.criteria.daysReported, c.criteria.workingDays));
    lines.push(t.clean(c.criteria.approvedClean, c.criteria.approved));
    lines.push(t.kudos(c.criteria.kudos));
    if (c.criteria.servedAverage !== null) lines.push(t.served(n(c.criteria.servedAverage), c.servedCount));
  }
  const w = RECOGNITION_WEIGHTS;
  lines.push("", t.weights(w.capaian, w.days, w.clean, w.kudos, w.served));
  if (view.status === "DIPILIH") {
    const names = view.candidates.filter((c) => c.chosen).map((c) => c.name);
    lines.push("", t.answeredPicked(names, view.note ?? ""));
    return { text: lines.join("\n") };
  }
  if (view.status === "TIDAK_ADA") {
    lines.push("", t.answeredNone(view.note ?? ""));
    return { text: lines.join("\n") };
  }
  lines.push(t.howTo);
  const choices: Choice[][] = view.candidates.map((c) => [
    { label: t.mark(c.name, c.chosen), data: recognitionToggleData(view.id, c.rank) },
  ]);
  choices.push([
    { label: t.next, data: recognitionNextData(view.id) },
    { label: t.none, data: recognitionNoneData(view.id) },
  ]);
  return { text: lines.join("\n"), choices };
}
