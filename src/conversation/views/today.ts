import { formatDate } from "../../i18n/format.ts";
import { fromLocalDate } from "../../services/db-types.ts";
import { reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import { describeTime } from "../flows/report-prompts.ts";
import { loadPersonDay } from "../person-day.ts";

/** `/hari_ini`: today's activities with status, and minutes claimed vs available. */
export async function showToday(ctx: TurnContext): Promise<TurnResult> {
  const person = requirePerson(ctx);
  const day = await loadPersonDay(ctx, person);
  const t = ctx.t.today;
  const activities = await ctx.tx.activity.findMany({
    where: { personId: person.id, date: fromLocalDate(day.today) },
    orderBy: [{ startMinute: "asc" }, { submittedAt: "asc" }],
  });
  const status = day.calendar.dayStatus(day.today);
  const lines = [t.header(formatDate(day.today, ctx.locale))];
  if (status.kind === "HOLIDAY") lines.push(t.holiday(status.name));
  if (status.kind === "WEEKEND") lines.push(t.weekend);
  if (status.kind === "ABSENCE") lines.push(t.absence);
  if (activities.length === 0) {
    lines.push(t.empty);
  } else {
    activities.forEach((a, i) => {
      const time =
        a.startMinute !== null && a.endMinute !== null
          ? `${describeTime(a.startMinute, a.endMinute)} · `
          : "";
      lines.push(
        t.line(
          i + 1,
          time,
          a.description,
          `${a.quantity} ${a.unitLabel}`,
          a.minutes,
          ctx.t.common.status[a.status],
        ),
      );
    });
    const claimed = activities.filter((a) => a.status !== "DITOLAK").reduce((sum, a) => sum + a.minutes, 0);
    lines.push("", t.total(claimed, day.rules.minutesPerDay));
  }
  return reply({
    kind: "message",
    text: lines.join("\n"),
    choices: [[{ label: ctx.t.commands.lapor, data: "m:lapor" }]],
  }).keep();
}
