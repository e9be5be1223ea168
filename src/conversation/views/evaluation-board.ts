import { openPeriods, type Period, ratingLate, ratingOpen } from "../../domain/periods.ts";
import { type DistributionWarning, distributionWarnings } from "../../domain/pola-distribusi.ts";
import type { Predikat } from "../../domain/predikat.ts";
import { localDate } from "../../domain/time-zone.ts";
import type { EvaluationMessages } from "../../i18n/evaluation-id.ts";
import { formatDate, formatDayMonthYear } from "../../i18n/format.ts";
import { toLocalDate } from "../../services/db-types.ts";
import { organisationResultFor, periodsForUnit, yearsAround } from "../../services/periods.ts";
import { isUnitHead, rateesOf } from "../../services/raters.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import type { Choice } from "../types.ts";

/** A period code fits in button data (Telegram's 64 bytes) and never holds the ":" that separates parts. */
export const PERIOD_CODE = /^[A-Za-z0-9._-]{1,20}$/;

/** People per page of the board. */
export const BOARD_PAGE = 20;

export type BoardStatus = "BELUM" | "DINILAI" | "KEBERATAN" | "FINAL";

const PREDIKAT_ORDER: readonly Predikat[] = [
  "SANGAT_BAIK",
  "BAIK",
  "BUTUH_PERBAIKAN",
  "KURANG_MISCONDUCT",
  "SANGAT_KURANG",
];

function warningText(t: EvaluationMessages, warning: DistributionWarning): string {
  const names = warning.rule.predikat.map((p) => t.predikat[p]).join(t.or);
  const percent = Math.round((warning.count * 100) / warning.rated);
  if (warning.rule.maxPercent !== undefined && percent > warning.rule.maxPercent) {
    return t.warningMax(names, warning.rule.maxPercent, percent);
  }
  if (warning.rule.minPercent !== undefined) return t.warningMin(names, warning.rule.minPercent, percent);
  return t.warningMinCount(names, warning.rule.minCount ?? 1);
}

/** The periods of the rater's unit and the one asked for (by code), else the most recent open one. */
async function choosePeriod(
  ctx: TurnContext,
  code: string,
): Promise<{ period: Period; open: Period[] } | { problem: string }> {
  const rater = requirePerson(ctx);
  const { today } = await loadPersonDay(ctx, rater);
  const periods = await periodsForUnit(ctx.tx, rater.unitId, yearsAround(today));
  const open = openPeriods(periods, today);
  const t = ctx.t.evaluation;
  if (code) {
    const period = periods.find((p) => p.code.toLowerCase() === code.toLowerCase());
    return period ? { period, open } : { problem: t.unknownPeriod(code) };
  }
  const latest = open[0];
  return latest ? { period: latest, open } : { problem: t.noOpenPeriod };
}

/**
 * The rater's board for a period (Slack `/kinerja penilaian [KODE]`, Telegram `/penilaian_tim [KODE]`):
 * each person they rate with status and predikat, then per unit the distribution of predikat against the
 * pola its capaian fixes (warnings, never a block), and a button per person to rate or change.
 */
export async function showEvaluationBoard(ctx: TurnContext, args: string, page = 0): Promise<TurnResult> {
  const rater = requirePerson(ctx);
  const t = ctx.t.evaluation;
  const chosen = await choosePeriod(ctx, args.trim().split(/\s+/)[0] ?? "");
  if ("problem" in chosen) return reply(message(chosen.problem)).keep();
  const { period, open } = chosen;
  const { today } = await loadPersonDay(ctx, rater);
  const ratees = await rateesOf(ctx.tx, rater.id, period, ctx.now);
  const lines = [
    t.boardHeader(
      period.name,
      formatDayMonthYear(period.startDate, ctx.locale),
      formatDayMonthYear(period.endDate, ctx.locale),
      formatDate(period.ratingDeadline, ctx.locale),
    ),
  ];
  const isOpen = ratingOpen(period, today);
  if (!isOpen) lines.push(t.notOpen(period.name, formatDate(period.endDate, ctx.locale)));
  else if (ratingLate(period, today)) lines.push(t.boardLate);
  if (ratees.length === 0) {
    lines.push(t.noRatees(period.name));
    return reply(message(lines.join("\n"), otherPeriods(period, open))).keep();
  }
  const evaluations = await ctx.tx.evaluation.findMany({
    where: { periodCode: period.code, personId: { in: ratees.map((r) => r.id) } },
    select: { personId: true, status: true, predikat: true, objectionUntil: true },
  });
  const choices: Choice[][] = [];
  const byUnit = new Map<string, { name: string; total: number; predikats: Predikat[] }>();
  // Everyone counts in the distribution; a page lists and offers buttons for BOARD_PAGE people (a Slack
  // message holds 50 blocks, a Telegram keyboard about 100 buttons).
  const pages = Math.ceil(ratees.length / BOARD_PAGE);
  const shown = Math.min(Math.max(page, 0), pages - 1);
  const onPage = new Set(ratees.slice(shown * BOARD_PAGE, (shown + 1) * BOARD_PAGE).map((r) => r.id));
  lines.push("");
  if (pages > 1) lines.push(t.page(shown + 1, pages));
  for (const ratee of ratees) {
    const evaluation = evaluations.find((e) => e.personId === ratee.id);
    const rateeToday = localDate(ratee.timeZone, ctx.now);
    let status: BoardStatus = "BELUM";
    if (evaluation) {
      status =
        evaluation.status === "DINILAI" && toLocalDate(evaluation.objectionUntil) < rateeToday
          ? "FINAL"
          : evaluation.status;
    }
    if (onPage.has(ratee.id)) {
      lines.push(
        t.boardLine(ratee.name, t.status[status], evaluation ? t.predikat[evaluation.predikat] : null),
      );
    }
    const group = await distributionUnit(ctx, ratee, period.endDate);
    const unit = byUnit.get(group.id) ?? { name: group.name, total: 0, predikats: [] };
    unit.total += 1;
    if (evaluation) unit.predikats.push(evaluation.predikat);
    byUnit.set(group.id, unit);
    if (onPage.has(ratee.id) && isOpen && (status === "BELUM" || status === "DINILAI")) {
      const label = status === "BELUM" ? t.rateButton(ratee.name) : t.changeButton(ratee.name);
      choices.push([{ label, data: `e:rate:${ratee.id}:${period.code}` }]);
    }
  }
  let warned = false;
  for (const [unitId, unit] of byUnit) {
    const organisation = await organisationResultFor(ctx.tx, unitId, period.code);
    const counts = PREDIKAT_ORDER.map(
      (p) => `${t.predikat[p]} ${unit.predikats.filter((x) => x === p).length}`,
    ).join(" · ");
    lines.push("", t.distribution(unit.name, organisation ? t.capaian[organisation.result] : null, counts));
    if (!organisation) continue;
    for (const warning of distributionWarnings(ctx.pola, organisation.result, unit.predikats, unit.total)) {
      lines.push(warningText(t, warning));
      warned = true;
    }
  }
  if (warned) lines.push(t.warningNote);
  const nav: Choice[] = [];
  if (shown > 0) nav.push({ label: t.previousPage, data: `e:board:${period.code}:${shown - 1}` });
  if (shown < pages - 1) nav.push({ label: t.nextPage, data: `e:board:${period.code}:${shown + 1}` });
  const rows = [...choices, ...(nav.length > 0 ? [nav] : []), ...otherPeriods(period, open)];
  return reply(message(lines.join("\n"), rows)).keep();
}

/**
 * The unit whose pola a ratee counts in: their own, but a unit head counts with the unit above (the unit
 * of their rater), as they lead, rather than belong to, the unit whose result fixes the pola.
 */
async function distributionUnit(
  ctx: TurnContext,
  ratee: { id: string; unitId: string; unitName: string },
  endDate: string,
): Promise<{ id: string; name: string }> {
  if (!(await isUnitHead(ctx.tx, ratee.id, endDate))) return { id: ratee.unitId, name: ratee.unitName };
  const unit = await ctx.tx.unit.findUnique({
    where: { id: ratee.unitId },
    select: { parent: { select: { id: true, name: true } } },
  });
  return unit?.parent ?? { id: ratee.unitId, name: ratee.unitName };
}

/** Buttons to the other open periods (at most three). */
function otherPeriods(period: Period, open: readonly Period[]): Choice[][] {
  const others = open.filter((p) => p.code !== period.code).slice(0, 3);
  return others.length > 0 ? [others.map((p) => ({ label: p.name, data: `e:board:${p.code}` }))] : [];
}
