import { renderTargetChart, type TargetChartRow } from "../../charts/target-chart.ts";
import { achievementPercent, paceStatus, progressBar } from "../../domain/achievement.ts";
import { monthlyAvailableMinutes } from "../../domain/monthly-minutes.ts";
import { formatNumber } from "../../i18n/format.ts";
import { fromLocalDate } from "../../services/db-types.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";

/**
 * `/target`: per indicator of this year's SKP the target, approved and pending output, % achieved
 * (approved only: what counts), a bar, and the pace (approved + pending, so slow validation does not
 * make anyone look behind); then this month's approved minutes vs the minutes available. The same
 * progress follows as a chart (src/charts/target-chart.ts), drawn after the turn has committed.
 */
export async function showTargets(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const day = await loadPersonDay(ctx, person);
  const year = Number(day.today.slice(0, 4));
  const month = Number(day.today.slice(5, 7));
  const t = ctx.t.target;
  const skp = await ctx.tx.skp.findUnique({
    where: { personId_year: { personId: person.id, year } },
    include: { ikis: { where: { active: true }, orderBy: { code: "asc" } } },
  });
  const lines: string[] = [];
  const chartRows: TargetChartRow[] = [];
  if (!skp || skp.ikis.length === 0) {
    lines.push(t.noSkp(year));
  } else {
    const sums = await ctx.tx.activity.groupBy({
      by: ["ikiId", "status"],
      where: {
        personId: person.id,
        ikiId: { in: skp.ikis.map((i) => i.id) },
        status: { in: ["DISETUJUI", "DIAJUKAN"] },
      },
      _sum: { quantity: true },
    });
    const sum = (ikiId: string, status: "DISETUJUI" | "DIAJUKAN") =>
      sums.find((s) => s.ikiId === ikiId && s.status === status)?._sum.quantity ?? 0;
    lines.push(t.header(year));
    for (const iki of skp.ikis) {
      const target = iki.target.toNumber();
      const approved = sum(iki.id, "DISETUJUI");
      const pending = sum(iki.id, "DIAJUKAN");
      const percent = achievementPercent(target, approved);
      chartRows.push({
        code: iki.code,
        approvedPercent: percent,
        pendingPercent: Math.max(0, achievementPercent(target, approved + pending) - percent),
      });
      const pace = paceStatus({
        target,
        realised: approved + pending,
        year,
        today: day.today,
        aspect: iki.aspect,
      });
      lines.push(
        t.indicator(iki.code, iki.indicator),
        t.figures(
          formatNumber(approved, ctx.locale),
          formatNumber(target, ctx.locale),
          iki.unitLabel,
          formatNumber(percent, ctx.locale),
          formatNumber(pending, ctx.locale),
        ),
        `   ${progressBar(percent)} ${t.pace[pace]}`,
      );
    }
  }
  const monthStart = `${day.today.slice(0, 7)}-01`;
  const approvedMinutes = await ctx.tx.activity.aggregate({
    where: {
      personId: person.id,
      status: "DISETUJUI",
      date: { gte: fromLocalDate(monthStart), lte: fromLocalDate(day.today) },
    },
    _sum: { minutes: true },
  });
  const available = monthlyAvailableMinutes(day.calendar, year, month, day.rules.minutesPerDay);
  lines.push("", t.minutes(approvedMinutes._sum.minutes ?? 0, available));
  const result = reply({ kind: "message", text: lines.join("\n") }).keep();
  if (chartRows.length === 0) return result;
  const locale = ctx.locale;
  const alt = ctx.t.charts.targetAlt(
    year,
    chartRows.map((r) => ctx.t.charts.targetAltEntry(r.code, formatNumber(r.approvedPercent, locale))),
  );
  return {
    ...result,
    images: [
      {
        alt,
        fileName: `capaian-skp-${year}.png`,
        render: () => renderTargetChart({ year, rows: chartRows, locale }),
      },
    ],
  };
}
