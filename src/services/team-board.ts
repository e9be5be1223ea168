import { createWorkingCalendar, type DayStatus } from "../domain/working-calendar.ts";
import { fromLocalDate, type Tx, toLocalDate } from "./db-types.ts";
import type { TeamMember } from "./team.ts";
import type { UnitCalendarCache, UnitCalendarData } from "./unit-calendar-cache.ts";

/** How a member's today stands, for the board and its header counts. */
export type BoardState = "REPORTED" | "NOT_YET" | "ABSENCE" | "HOLIDAY" | "WEEKEND";

export interface BoardRow {
  member: TeamMember;
  /** What today is for the member: working, weekend, holiday (with its name) or absence (with its kind) */
  day: DayStatus;
  /** Today's reports that count (submitted, approved, in revision; a rejected one does not) */
  reported: { count: number; minutes: number };
  /** Activities of any date waiting for a decision */
  pending: number;
  state: BoardState;
}

export interface TeamBoard {
  rows: BoardRow[];
  counts: Record<BoardState, number>;
  pending: number;
  /** Training requests and completed trainings of the team waiting for a decision (listed in /antrian) */
  trainingPending: number;
}

/** Reporting wins (a report on a holiday still shows); then leave, holiday, weekend; else not yet. */
function stateOf(day: DayStatus, reported: number): BoardState {
  if (reported > 0) return "REPORTED";
  if (day.kind === "ABSENCE") return "ABSENCE";
  if (day.kind === "HOLIDAY") return "HOLIDAY";
  if (day.kind === "WEEKEND") return "WEEKEND";
  return "NOT_YET";
}

/**
 * Today for each member of a team (each in their own unit's zone): five queries for the whole team
 * (today's reports, absences, pending counts, waiting trainings) plus the unit calendars, cached per unit.
 */
export async function loadTeamBoard(
  tx: Tx,
  team: readonly TeamMember[],
  unitCalendars: UnitCalendarCache,
): Promise<TeamBoard> {
  const counts: Record<BoardState, number> = { REPORTED: 0, NOT_YET: 0, ABSENCE: 0, HOLIDAY: 0, WEEKEND: 0 };
  if (team.length === 0) return { rows: [], counts, pending: 0, trainingPending: 0 };
  const ids = team.map((m) => m.id);
  const days = [...new Set(team.map((m) => m.today))].sort();
  const first = fromLocalDate(days[0] ?? "");
  const last = fromLocalDate(days.at(-1) ?? "");
  const reported = await tx.activity.groupBy({
    by: ["personId", "date"],
    where: {
      personId: { in: ids },
      date: { in: days.map(fromLocalDate) },
      status: { in: ["DIAJUKAN", "DISETUJUI", "REVISI"] },
    },
    _count: { _all: true },
    _sum: { minutes: true },
  });
  const absences = await tx.absence.findMany({
    where: { personId: { in: ids }, startDate: { lte: last }, endDate: { gte: first } },
    select: { personId: true, startDate: true, endDate: true, kind: true },
  });
  const pending = await tx.activity.groupBy({
    by: ["personId"],
    where: { personId: { in: ids }, status: "DIAJUKAN" },
    _count: { _all: true },
  });
  const trainingPending =
    (await tx.trainingRequest.count({ where: { personId: { in: ids }, status: "DIAJUKAN" } })) +
    (await tx.trainingCompletion.count({ where: { personId: { in: ids }, status: "DIAJUKAN" } }));
  // Once per unit, one after the other: a transaction is one connection (see unit-rules.ts).
  const units = new Map<string, UnitCalendarData>();
  for (const unitId of new Set(team.map((m) => m.unitId)))
    units.set(unitId, await unitCalendars.get(tx, unitId));
  const rows: BoardRow[] = [];
  for (const member of team) {
    const unit = units.get(member.unitId);
    if (!unit) continue;
    const { rules, holidays } = unit;
    const calendar = createWorkingCalendar({
      workingDays: rules.workingDays,
      holidays,
      absences: absences
        .filter((a) => a.personId === member.id)
        .map((a) => ({ startDate: toLocalDate(a.startDate), endDate: toLocalDate(a.endDate), kind: a.kind })),
    });
    const day = calendar.dayStatus(member.today);
    const today = reported.find((r) => r.personId === member.id && toLocalDate(r.date) === member.today);
    const row: BoardRow = {
      member,
      day,
      reported: { count: today?._count._all ?? 0, minutes: today?._sum.minutes ?? 0 },
      pending: pending.find((p) => p.personId === member.id)?._count._all ?? 0,
      state: stateOf(day, today?._count._all ?? 0),
    };
    counts[row.state] += 1;
    rows.push(row);
  }
  return { rows, counts, pending: rows.reduce((sum, r) => sum + r.pending, 0), trainingPending };
}
