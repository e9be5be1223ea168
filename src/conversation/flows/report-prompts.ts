import { sql } from "../../db/direct-sql.ts";
import { addDays } from "../../domain/local-date.ts";
import { formatClock } from "../../domain/time-spent.ts";
import { formatDate, formatShortDate } from "../../i18n/format.ts";
import type { PersonInContext, TurnContext } from "../context.ts";
import { loadPersonDay, nonWorkingNote } from "../person-day.ts";
import type { Choice, Reply } from "../types.ts";
import type { ReportData, ReportStep } from "./report-state.ts";

const BUTTON_LABEL_MAX = 60;

export interface IndicatorInfo {
  id: string;
  code: string;
  indicator: string;
  unitLabel: string;
}

export const describeTime = (start: number, end: number) => `${formatClock(start)}–${formatClock(end)}`;

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The person's active indicators of their SKP for the year of `date`. */
export function indicatorsFor(ctx: TurnContext, personId: string, date: string): Promise<IndicatorInfo[]> {
  const key = `indicators:${personId}:${date.slice(0, 4)}`;
  let found = ctx.memo.get(key) as Promise<IndicatorInfo[]> | undefined;
  if (!found) {
    found = readIndicators(ctx, personId, date);
    ctx.memo.set(key, found);
  }
  return found;
}

// SQL, not a model query: most /lapor steps read the indicators, and Prisma's query compiler costs several
// times the query itself (README, "Benchmarks").
function readIndicators(ctx: TurnContext, personId: string, date: string): Promise<IndicatorInfo[]> {
  return sql<IndicatorInfo>(ctx.tx)`
    SELECT i.id::text AS id, i.code, i.indicator, i.unit_label AS "unitLabel"
    FROM iki i JOIN skp s ON s.id = i.skp_id
    WHERE i.active AND s.person_id = ${personId}::uuid AND s.year = ${Number(date.slice(0, 4))}::int
    ORDER BY i.code`;
}

/** The indicator an answer refers to, if it is still one of the person's active indicators for that year. */
export async function indicatorOf(
  ctx: TurnContext,
  person: PersonInContext,
  ikiId: string | null,
  date: string | undefined,
): Promise<IndicatorInfo | null> {
  if (!ikiId || !date) return null;
  return (await indicatorsFor(ctx, person.id, date)).find((i) => i.id === ikiId) ?? null;
}

function evidenceText(ctx: TurnContext, data: ReportData): string {
  const evidence = data.evidence;
  const t = ctx.t.report;
  if (!evidence || evidence.kind === "NONE") return t.evidenceNone;
  if (evidence.kind === "LINK") return evidence.url;
  if (evidence.kind === "PHOTO") return t.evidencePhoto;
  return t.evidenceDocument(evidence.fileName ?? "");
}

const cancelRow = (ctx: TurnContext): Choice[] => [{ label: ctx.t.common.cancel, data: "r:cancel" }];

/** The question for a step of /lapor (and the state data it needs, e.g. the offered indicators). */
export async function askFor(
  ctx: TurnContext,
  person: PersonInContext,
  step: ReportStep,
  data: ReportData,
): Promise<{ replies: Reply[]; data: ReportData }> {
  const t = ctx.t.report;
  const ask = (
    text: string,
    choices: Choice[][] = [cancelRow(ctx)],
  ): { replies: Reply[]; data: ReportData } => ({
    replies: [{ kind: "message", text, choices }],
    data,
  });
  switch (step) {
    case "date": {
      const { today } = await loadPersonDay(ctx, person);
      const yesterday = addDays(today, -1);
      return ask(t.askDate, [
        [
          { label: t.today(formatShortDate(today, ctx.locale)), data: `r:date:${today}` },
          { label: t.yesterday(formatShortDate(yesterday, ctx.locale)), data: `r:date:${yesterday}` },
        ],
        cancelRow(ctx),
      ]);
    }
    case "iki": {
      const date = data.date ?? "";
      const indicators = await indicatorsFor(ctx, person.id, date);
      const rows: Choice[][] = indicators.map((iki, index) => [
        { label: truncate(`${iki.code} ${iki.indicator}`, BUTTON_LABEL_MAX), data: `r:iki:${index}` },
      ]);
      rows.push([{ label: ctx.t.common.otherTask, data: "r:iki:other" }], cancelRow(ctx));
      const text =
        indicators.length === 0 ? `${t.noSkp(Number(date.slice(0, 4)))}\n${t.askIndicator}` : t.askIndicator;
      return {
        replies: [{ kind: "message", text, choices: rows }],
        data: { ...data, offered: indicators.map((i) => i.id) },
      };
    }
    case "desc":
      return ask(t.askDescription);
    case "qty": {
      const unit =
        (await indicatorOf(ctx, person, data.ikiId ?? null, data.date))?.unitLabel ?? t.otherTaskUnit;
      return ask(t.askQuantity(unit));
    }
    case "time":
      return ask(t.askTime);
    case "ev":
      return ask(t.askEvidence, [[{ label: ctx.t.common.skip, data: "r:skip" }], cancelRow(ctx)]);
    case "change":
      return ask(t.askWhatToChange, [
        [
          { label: t.fieldDate, data: "r:edit:date" },
          { label: t.fieldIndicator, data: "r:edit:iki" },
          { label: t.fieldDescription, data: "r:edit:desc" },
        ],
        [
          { label: t.fieldQuantity, data: "r:edit:qty" },
          { label: t.fieldTime, data: "r:edit:time" },
          { label: t.fieldEvidence, data: "r:edit:ev" },
        ],
        cancelRow(ctx),
      ]);
    case "summary": {
      const date = data.date ?? "";
      const day = await loadPersonDay(ctx, person);
      const indicator = await indicatorOf(ctx, person, data.ikiId ?? null, date);
      const unit = indicator?.unitLabel ?? t.otherTaskUnit;
      const minutes = data.minutes ?? 0;
      const range =
        data.startMinute !== undefined && data.endMinute !== undefined
          ? ` (${describeTime(data.startMinute, data.endMinute)})`
          : "";
      const text = t.summary({
        date: formatDate(date, ctx.locale),
        dayNote: nonWorkingNote(day.calendar.dayStatus(date), ctx.t),
        indicator: indicator ? `${indicator.code} ${indicator.indicator}` : ctx.t.common.otherTask,
        description: data.description ?? "",
        quantity: `${data.quantity ?? 0} ${unit}`,
        time: `${ctx.t.common.minutes(minutes)}${range}`,
        evidence: evidenceText(ctx, data),
      });
      return ask(text, [
        [
          { label: t.send, data: "r:send" },
          { label: t.change, data: "r:change" },
          { label: ctx.t.common.cancel, data: "r:cancel" },
        ],
      ]);
    }
  }
}
