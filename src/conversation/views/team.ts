import { localDate } from "../../domain/time-zone.ts";
import { formatDate } from "../../i18n/format.ts";
import type { Messages } from "../../i18n/id.ts";
import { messagesFor } from "../../i18n/index.ts";
import type { Tx } from "../../services/db-types.ts";
import { teamOf } from "../../services/team.ts";
import { type BoardRow, loadTeamBoard, type TeamBoard } from "../../services/team-board.ts";
import type { UnitCalendarCache } from "../../services/unit-calendar-cache.ts";
import { message, reply, requirePerson, type TurnContext, type TurnResult } from "../context.ts";
import type { Choice, LocaleCode } from "../types.ts";
import { teamVoiceLines } from "./team-voices.ts";

function rowLine(row: BoardRow, t: Messages, locale: LocaleCode, headerDate: string): string {
  const tt = t.team;
  const parts: string[] = [];
  const dayNote =
    row.day.kind === "HOLIDAY"
      ? tt.holiday(row.day.name)
      : row.day.kind === "WEEKEND"
        ? tt.weekend
        : row.day.kind === "ABSENCE"
          ? tt.absence(
              (t.absence.kinds as Record<string, string>)[row.day.absenceKind] ?? row.day.absenceKind,
            )
          : "";
  if (row.state === "REPORTED") {
    parts.push(tt.reported(row.reported.count, row.reported.minutes));
    if (dayNote) parts.push(dayNote);
  } else {
    parts.push(row.state === "NOT_YET" ? tt.notYet : dayNote);
  }
  if (row.pending > 0) parts.push(tt.pending(row.pending));
  if (row.member.today !== headerDate) parts.push(formatDate(row.member.today, locale));
  if (row.member.delegatedBy) parts.push(tt.delegated(row.member.delegatedBy));
  return tt.line(row.member.name, parts);
}

/**
 * The board as text and buttons, in any language: for `/tim` and for a platform's own surface
 * (Slack App Home). `headerDate` is the supervisor's today; a member whose today differs (another
 * zone) shows their date.
 */
export function renderTeamBoard(
  board: TeamBoard,
  locale: LocaleCode,
  headerDate: string,
): { text: string; choices: Choice[][] } {
  const t = messagesFor(locale);
  if (board.rows.length === 0) return { text: t.team.noTeam, choices: [] };
  const { counts } = board;
  const lines = [
    t.team.header(formatDate(headerDate, locale)),
    t.team.counts({
      reported: counts.REPORTED,
      notYet: counts.NOT_YET,
      absence: counts.ABSENCE,
      off: counts.HOLIDAY + counts.WEEKEND,
    }),
    t.team.pendingTotal(board.pending),
    ...(board.trainingPending > 0 ? [t.team.trainingPending(board.trainingPending)] : []),
    "",
    ...board.rows.map((row) => rowLine(row, t, locale, headerDate)),
  ];
  const buttons: Choice[] = [];
  const waiting = board.pending + board.trainingPending;
  if (waiting > 0) buttons.push({ label: t.queue.open(waiting), data: "m:antrian" });
  buttons.push({ label: t.team.giveFeedback, data: "m:umpan_balik_tim" });
  return { text: lines.join("\n"), choices: [buttons] };
}

/**
 * The board of a supervisor as text and buttons, outside a conversation turn too (Slack App Home):
 * `tx` may be the Prisma client. `null` when nobody is in the supervisor's team.
 */
export async function teamBoardView(
  tx: Tx,
  input: {
    supervisor: { id: string; unitId: string };
    locale: LocaleCode;
    now: Date;
    unitCalendars: UnitCalendarCache;
  },
): Promise<{ text: string; choices: Choice[][] } | null> {
  const team = await teamOf(tx, input.supervisor.id, input.now);
  if (team.length === 0) return null;
  const board = await loadTeamBoard(tx, team, input.unitCalendars);
  const { rules } = await input.unitCalendars.get(tx, input.supervisor.unitId);
  const view = renderTeamBoard(board, input.locale, localDate(rules.timeZone, input.now));
  const voices = await teamVoiceLines(tx, {
    supervisorId: input.supervisor.id,
    supervisorUnitId: input.supervisor.unitId,
    timeZone: rules.timeZone,
    team,
    locale: input.locale,
    now: input.now,
  });
  return { ...view, text: [view.text, ...voices].join("\n") };
}

/** `/tim` (Slack: `/kinerja tim`): today for each member of the supervisor's team. */
export async function showTeam(ctx: TurnContext): Promise<TurnResult> {
  const view = await teamBoardView(ctx.tx, {
    supervisor: requirePerson(ctx),
    locale: ctx.locale,
    now: ctx.now,
    unitCalendars: ctx.unitCalendars,
  });
  if (!view) return reply(message(ctx.t.team.noTeam)).keep();
  return reply(message(view.text, view.choices)).keep();
}
