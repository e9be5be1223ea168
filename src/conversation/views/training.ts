import { type RecommendationReason, recommendTrainings } from "../../domain/training-recommendations.ts";
import { formatNumber } from "../../i18n/format.ts";
import type { Messages } from "../../i18n/id.ts";
import { fromLocalDate } from "../../services/db-types.ts";
import { JP_PER_YEAR, jpInYear, takenTrainingIds } from "../../services/training.ts";
import { developmentSignals } from "../../services/training-signals.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import type { Choice } from "../types.ts";

function reasonText(t: Messages, reason: RecommendationReason): string {
  if (reason.kind === "evaluation") {
    return t.training.reasonEvaluation(
      reason.value ? t.evaluation.values[reason.value] : null,
      reason.periodCode,
    );
  }
  if (reason.kind === "colleagues") {
    return t.training.reasonColleagues(t.evaluation.values[reason.value], reason.periodName);
  }
  return t.training.reasonIki(reason.ikiCode);
}

/**
 * `/pelatihan` (SPEC section 14): the year's approved JP against the 20 JP of PP 17/2020 (and what awaits
 * approval), up to three recommendations with why each is made and **Ajukan**, the person's own requests and
 * completions with their status (those are never offered again), **Katalog pelatihan** (the whole
 * catalogue, to request any training) and **Laporkan selesai**.
 */
export async function showTraining(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const t = ctx.t.training;
  const n = (value: number) => formatNumber(value, ctx.locale);
  const { today } = await loadPersonDay(ctx, person);
  const year = Number(today.slice(0, 4));
  const jp = await jpInYear(ctx.tx, person.id, year);
  const lines = [t.header(year), t.jp(n(jp.approved), JP_PER_YEAR, year)];
  if (jp.pending > 0) lines.push(t.jpPending(n(jp.pending)));
  if (jp.approved >= JP_PER_YEAR) lines.push(t.jpReached);

  const catalogue = await ctx.tx.training.findMany({ where: { active: true }, orderBy: { code: "asc" } });
  const requests = await ctx.tx.trainingRequest.findMany({
    where: { personId: person.id },
    orderBy: { createdAt: "desc" },
    select: {
      trainingId: true,
      status: true,
      createdAt: true,
      training: { select: { code: true, name: true } },
    },
  });
  const completions = await ctx.tx.trainingCompletion.findMany({
    where: { personId: person.id },
    orderBy: { completedOn: "desc" },
    select: {
      trainingId: true,
      status: true,
      hours: true,
      completedOn: true,
      revisionNote: true,
      training: { select: { code: true, name: true } },
    },
  });
  const taken = takenTrainingIds(requests, completions);
  const choices: Choice[][] = [];
  if (catalogue.length === 0) {
    lines.push("", t.noCatalogue);
  } else {
    const signals = await developmentSignals(ctx.tx, person, today);
    const recommended = recommendTrainings(catalogue, signals, taken);
    lines.push("");
    if (recommended.length === 0) lines.push(t.noRecommendations);
    else lines.push(t.recommendationsHeader);
    recommended.forEach(({ training, reasons }, index) => {
      const jpText = n(training.hours.toNumber());
      lines.push(`${index + 1}. ${t.trainingLine(training.code, training.name, jpText, training.organizer)}`);
      lines.push(t.why(reasons.map((r) => reasonText(ctx.t, r)).join("; ")));
      if (training.url) lines.push(t.link(training.url));
      choices.push([{ label: t.askButton(training.code), data: `p:ask:${training.id}` }]);
    });
  }

  // The person's own: each training once, its completion first, else its latest request (of this year).
  const startOfYear = fromLocalDate(`${year}-01-01`);
  const mine: string[] = [];
  const shown = new Set<string>();
  for (const c of completions) {
    const counted = c.status === "DISETUJUI";
    if (counted && c.completedOn < startOfYear) continue;
    shown.add(c.trainingId);
    const status =
      c.status === "REVISI" || c.status === "DITOLAK"
        ? t.completionStatus[c.status](c.revisionNote ?? "-")
        : t.completionStatus[c.status](n(c.hours.toNumber()));
    mine.push(t.mineLine(c.training.code, c.training.name, status));
  }
  for (const r of requests) {
    if (shown.has(r.trainingId) || r.createdAt < startOfYear) continue;
    shown.add(r.trainingId);
    mine.push(t.mineLine(r.training.code, r.training.name, t.requestStatus[r.status]));
  }
  if (mine.length > 0) lines.push("", t.mineHeader, ...mine);
  // Any catalogue training may be requested, not only the recommended (views/training-catalogue.ts).
  if (catalogue.length > 0) choices.push([{ label: t.catalogueButton, data: "p:cat" }]);
  if (catalogue.length > 0 || completions.some((c) => c.status === "REVISI")) {
    choices.push([{ label: t.doneButton, data: "p:done" }]);
  }
  return reply(message(lines.join("\n"), choices)).keep();
}
