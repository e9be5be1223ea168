import { formatDate, formatNumber } from "../../i18n/format.ts";
import { colleagueAggregate } from "../../services/colleague-input.ts";
import { toLocalDate } from "../../services/db-types.ts";
import { MIN_SERVED_SHOWN, servedAverages } from "../../services/survey-results.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import type { Choice } from "../types.ts";
import { colleagueLines } from "./colleague-aggregate.ts";

const SHOWN = 12;

/** `/penilaian`: the employee's own results per period, newest first, with the objection button while open. */
export async function showMyEvaluations(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const t = ctx.t.evaluation;
  const { today } = await loadPersonDay(ctx, person);
  const evaluations = await ctx.tx.evaluation.findMany({
    where: { personId: person.id },
    orderBy: [{ endDate: "desc" }, { startDate: "asc" }],
    take: SHOWN,
    select: {
      id: true,
      periodCode: true,
      periodName: true,
      periodKind: true,
      startDate: true,
      endDate: true,
      ratingDeadline: true,
      predikat: true,
      ratingHasilKerja: true,
      ratingPerilaku: true,
      status: true,
      objectionUntil: true,
      objection: { select: { decision: true } },
    },
  });
  if (evaluations.length === 0) return reply(message(t.myResultsEmpty)).keep();
  const lines = [t.myResultsHeader];
  const choices: Choice[][] = [];
  for (const e of evaluations) {
    const until = toLocalDate(e.objectionUntil);
    const final = e.status === "FINAL" || (e.status === "DINILAI" && until < today);
    const status = e.objection
      ? t.objectionStatus[e.objection.decision ?? "diajukan"]
      : t.status[final ? "FINAL" : e.status];
    lines.push(
      t.myResultLine(
        e.periodName,
        t.predikat[e.predikat],
        t.ratingShort[e.ratingHasilKerja],
        t.ratingShort[e.ratingPerilaku],
        status,
      ),
    );
    const period = {
      code: e.periodCode,
      name: e.periodName,
      kind: e.periodKind,
      startDate: toLocalDate(e.startDate),
      endDate: toLocalDate(e.endDate),
      ratingDeadline: toLocalDate(e.ratingDeadline),
    };
    const aggregate = await colleagueAggregate(ctx.tx, person.id, period);
    if (aggregate) lines.push(...colleagueLines(ctx.t, aggregate).map((line) => `   ${line}`));
    const served = (await servedAverages(ctx.tx, [person.id], period)).get(person.id);
    if (served && served.responses >= MIN_SERVED_SHOWN) {
      lines.push(
        `   ${ctx.t.colleague.evidenceServed(formatNumber(served.mean, ctx.locale), served.responses)}`,
      );
    }
    if (!final && !e.objection && e.status === "DINILAI") {
      lines.push(t.objectableUntil(formatDate(until, ctx.locale)));
      choices.push([{ label: `${t.objectButton}: ${e.periodName}`, data: `k:ask:${e.id}` }]);
    }
  }
  return reply(message(lines.join("\n"), choices)).keep();
}
