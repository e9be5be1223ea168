import { DateTime } from "luxon";
import { renderMonthChart } from "../../charts/month-chart.ts";
import { achievementPercent } from "../../domain/achievement.ts";
import { type CalendarMonth, parseMonthInput } from "../../domain/month-input.ts";
import { formatNumber, formatShortDate } from "../../i18n/format.ts";
import { loadMonthRecap, type RecapDay } from "../../services/month-recap.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { loadPersonDay } from "../person-day.ts";
import type { LocaleCode } from "../types.ts";
import { commandSyntax } from "./help.ts";

const LUXON_LOCALE: Record<LocaleCode, string> = { id: "id-ID", en: "en-GB" };

function monthName({ year, month }: CalendarMonth, locale: LocaleCode): string {
  return DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC" })
    .setLocale(LUXON_LOCALE[locale])
    .toFormat("LLLL yyyy");
}

/**
 * `/rekap [bulan]` (Slack `/kinerja rekap`): a month's approved and pending minutes per working day, the
 * total against the minutes available and the days reported; then the same as a chart, drawn after the
 * turn has committed. Days after today are left out of the text (the chart shows the whole month).
 */
export async function showMonthRecap(ctx: TurnContext, args: string): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const { today } = await loadPersonDay(ctx, person);
  const t = ctx.t.charts.recap;
  const locale = ctx.locale;
  const input = parseMonthInput(args, today);
  if (!input.ok) {
    const text =
      input.reason === "future"
        ? t.futureMonth(monthName(input.value, locale))
        : t.badMonth(commandSyntax(ctx.account.platform)("rekap"));
    return reply({ kind: "message", text }).keep();
  }
  const recap = await loadMonthRecap(ctx.tx, ctx.unitCalendars, person, input.value);
  const name = monthName(recap, locale);
  const n = (value: number) => formatNumber(value, locale);
  const lines = [t.header(name)];
  const shown = recap.days.filter((d) => d.date <= today);
  for (const day of shown) lines.push(dayLine(ctx, day));
  if (recap.daysReported === 0) lines.push(t.noReports);
  lines.push(
    "",
    t.total(
      n(recap.approvedMinutes),
      n(recap.availableMinutes),
      n(achievementPercent(recap.availableMinutes, recap.approvedMinutes)),
    ),
  );
  if (recap.pendingMinutes > 0) lines.push(t.pendingTotal(n(recap.pendingMinutes)));
  lines.push(t.reported(recap.daysReported, recap.workingDays));
  const chart = {
    monthName: name,
    days: recap.days.map((d) => ({
      label: String(Number(d.date.slice(8, 10))),
      approvedMinutes: d.approvedMinutes,
      pendingMinutes: d.pendingMinutes,
      availableMinutes: d.availableMinutes,
    })),
    approvedMinutes: recap.approvedMinutes,
    availableMinutes: recap.availableMinutes,
    locale,
  };
  const month = `${recap.year}-${String(recap.month).padStart(2, "0")}`;
  return {
    ...reply({ kind: "message", text: lines.join("\n") }).keep(),
    images: [
      {
        alt: ctx.t.charts.monthAlt(
          name,
          n(recap.approvedMinutes),
          n(recap.availableMinutes),
          recap.daysReported,
        ),
        fileName: `rekap-${month}.png`,
        render: () => renderMonthChart(chart),
      },
    ],
  };
}

function dayLine(ctx: TurnContext, day: RecapDay): string {
  const t = ctx.t.charts.recap;
  const n = (value: number) => formatNumber(value, ctx.locale);
  const date = formatShortDate(day.date, ctx.locale);
  if (day.status === "ABSENCE") return t.dayAbsent(date, n(day.approvedMinutes));
  if (day.status !== "WORKING") return t.dayOff(date, n(day.approvedMinutes));
  return t.day(date, n(day.approvedMinutes), n(day.pendingMinutes), n(day.availableMinutes));
}
