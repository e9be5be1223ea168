import { instantAt } from "../domain/time-zone.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { planColleagueInvitations } from "./colleague-invitations.ts";
import type { Tx } from "./db-types.ts";
import { planEvaluationReminders } from "./evaluation-reminders.ts";
import { planRecognitions } from "./recognition-plan.ts";
import { dueToday, ESCALATION_TIME, loadUnitsAt, PENDING_REVIEW_TIME } from "./reminder-calendar.ts";

export { ESCALATION_TIME, PENDING_REVIEW_TIME } from "./reminder-calendar.ts";

/** The slot of a daily report reminder at a unit's reminder time ("report-15:30"). */
export const reportSlot = (time: string): string => `report-${time}`;
export const ESCALATION_SLOT = "escalation";
export const PENDING_REVIEW_SLOT = "pending-review";
export { colleagueInvitationSlot } from "./colleague-invitations.ts";
export { evaluationSlot } from "./evaluation-reminders.ts";
export { recognitionSlot } from "./recognition-plan.ts";

export interface PlanResult {
  /** Rows created by this call (0 when another planner or an earlier tick already made them) */
  planned: number;
  /**
   * Every row of a slot already due today (in its unit's zone) that is still PLANNED, whoever planned
   * it and when, earliest due first: the caller enqueues them all (job ids make that idempotent), so a
   * job lost between an earlier insert and its enqueue is enqueued again.
   */
  deliveryIds: string[];
  /** Units left out because their zone or working weekdays are unusable */
  skippedUnitIds: string[];
  /** PLANNED rows of a day already over in their unit's zone, set SKIPPED by this call (`sweepDays`) */
  expired: number;
}

/** Written on a row whose day ended before it was sent (its job was lost, or nothing ran). */
export const DAY_OVER = "its day ended before it was sent";

/** Unit, local date, slot and its instant, as parallel arrays for `unnest`. */
interface SlotColumns {
  unitIds: string[];
  days: string[];
  slots: string[];
  dueAts: string[];
}

const emptyColumns = (): SlotColumns => ({ unitIds: [], days: [], slots: [], dueAts: [] });

function pushSlot(columns: SlotColumns, unitId: string, day: string, slot: string, dueAt: Date): void {
  columns.unitIds.push(unitId);
  columns.days.push(day);
  columns.slots.push(slot);
  columns.dueAts.push(dueAt.toISOString());
}

/**
 * Plans the reminders due at `now` (SPEC section 7). For every unit, in its own zone, on its working
 * day: each slot whose time has come today gets one `reminder_delivery` row per person due, made with
 * set-based SQL (`INSERT … SELECT … ON CONFLICT DO NOTHING`, a few statements for all units), so any
 * number of planners may run at once and a slot missed while nothing ran is planned later the same day,
 * never on the next. Who is due (the worker checks again before sending):
 *
 * - `report-HH:MM`: active people of the unit with a reachable linked account, not absent that day,
 *   with no activity of that day that is DIAJUKAN, DISETUJUI or REVISI (a rejected-only day is reminded);
 * - `escalation` (09:00): active supervisors with a reachable account, not absent today, with an active
 *   direct report (relation in force on that day) who was not absent and reported nothing (same statuses)
 *   on the previous working day of the report's own unit;
 * - `pending-review` (08:00): active supervisors with a reachable account, not absent today, who may
 *   decide (direct supervisor or delegate, in force today) on a DIAJUKAN activity of someone else
 *   submitted before the supervisor's previous working day began, i.e. waiting more than one working day.
 * - `penilaian-buka:<CODE>`, `penilaian-pengingat:<CODE>`, `penilaian-eskalasi:<CODE>`: the evaluation
 *   request, reminder and escalation of a period (services/evaluation-reminders.ts).
 * - `masukan-undangan:<CODE>` (10:00): the invitation to give colleagues' input, once per person and
 *   period in the period's last 5 working days (services/colleague-invitations.ts).
 * - `penghargaan:<MONTH>` (09:00): the monthly recognition's suggestions, once per unit and month, to its
 *   head on the month's first working day (services/recognition-plan.ts).
 */
export async function planDueReminders(
  tx: Tx,
  { now, sweepDays = 0 }: { now: Date; sweepDays?: number },
): Promise<PlanResult> {
  const { units, unusable } = await loadUnitsAt(tx, now);
  const reports = emptyColumns();
  const escalations = emptyColumns();
  const pendingReviews = emptyColumns();
  const pendingCutoffs: string[] = [];
  const escalationDays = new Set<string>();
  for (const unit of units) {
    if (!unit.calendar.isWorkingDay(unit.today)) continue;
    for (const time of unit.reminderTimes) {
      const dueAt = dueToday(unit, time, now);
      if (dueAt) pushSlot(reports, unit.unitId, unit.today, reportSlot(time), dueAt);
    }
    const escalationAt = dueToday(unit, ESCALATION_TIME, now);
    if (escalationAt) {
      pushSlot(escalations, unit.unitId, unit.today, ESCALATION_SLOT, escalationAt);
      escalationDays.add(unit.today);
    }
    const pendingAt = dueToday(unit, PENDING_REVIEW_TIME, now);
    if (pendingAt) {
      pushSlot(pendingReviews, unit.unitId, unit.today, PENDING_REVIEW_SLOT, pendingAt);
      const previous = unit.calendar.previousWorkingDay(unit.today);
      pendingCutoffs.push(instantAt(unit.timeZone, previous, "00:00").toISOString());
    }
  }
  // For each escalation day: the day each unit's people should have reported (their own calendar).
  const missed = { unitIds: [] as string[], days: [] as string[], missedDays: [] as string[] };
  for (const day of escalationDays) {
    for (const unit of units) {
      missed.unitIds.push(unit.unitId);
      missed.days.push(day);
      missed.missedDays.push(unit.calendar.previousWorkingDay(day));
    }
  }

  let planned = 0;
  if (reports.unitIds.length > 0) planned += await insertReportRows(tx, reports, now);
  if (escalations.unitIds.length > 0) planned += await insertEscalationRows(tx, escalations, missed, now);
  if (pendingReviews.unitIds.length > 0) {
    planned += await insertPendingReviewRows(tx, pendingReviews, pendingCutoffs, now);
  }
  planned += await planEvaluationReminders(tx, units, now);
  planned += await planColleagueInvitations(tx, units, now);
  planned += await planRecognitions(tx, units, now);
  const deliveryIds = await plannedRowsDue(tx, units, now);
  const expired = sweepDays > 0 ? await skipRowsOfDaysOver(tx, units, sweepDays) : 0;
  return { planned, deliveryIds, skippedUnitIds: unusable, expired };
}

/**
 * The rule every slot shares, for the person, day and slot columns named: no row yet for that person,
 * day and slot, a reachable linked account, no absence covering the day. (Column names, not values.)
 */
function notYetPlannedReachablePresent(person: string, day: string, slot: string): Prisma.Sql {
  return Prisma.raw(`NOT EXISTS (SELECT 1 FROM reminder_delivery r
                      WHERE r.person_id = ${person} AND r.date = ${day} AND r.slot = ${slot})
      AND EXISTS (SELECT 1 FROM platform_account a WHERE a.person_id = ${person} AND a.reachable)
      AND NOT EXISTS (SELECT 1 FROM absence ab
                      WHERE ab.person_id = ${person} AND ab.start_date <= ${day} AND ab.end_date >= ${day})`);
}

async function insertReportRows(tx: Tx, due: SlotColumns, now: Date): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO reminder_delivery (id, person_id, date, slot, status, due_at, planned_at)
    SELECT gen_random_uuid(), p.id, d.day, d.slot, 'PLANNED', d.due_at, ${now}::timestamptz
    FROM unnest(${due.unitIds}::uuid[], ${due.days}::date[], ${due.slots}::text[], ${due.dueAts}::timestamptz[])
           AS d(unit_id, day, slot, due_at)
    JOIN person p ON p.unit_id = d.unit_id AND p.active
    WHERE ${notYetPlannedReachablePresent("p.id", "d.day", "d.slot")}
      AND NOT EXISTS (SELECT 1 FROM activity ac
                      WHERE ac.person_id = p.id AND ac.date = d.day
                        AND ac.status IN ('DIAJUKAN', 'DISETUJUI', 'REVISI'))
    ON CONFLICT (person_id, date, slot) DO NOTHING`;
}

async function insertEscalationRows(
  tx: Tx,
  due: SlotColumns,
  missed: { unitIds: string[]; days: string[]; missedDays: string[] },
  now: Date,
): Promise<number> {
  return tx.$executeRaw`
    WITH missed AS MATERIALIZED (
      SELECT * FROM unnest(${missed.unitIds}::uuid[], ${missed.days}::date[], ${missed.missedDays}::date[])
        AS m(unit_id, day, missed_day)
    ),
    late AS (
      SELECT DISTINCT sr.supervisor_id, m.day
      FROM missed m
      JOIN person r ON r.unit_id = m.unit_id AND r.active
      JOIN supervisor_relation sr ON sr.person_id = r.id AND sr.supervisor_id <> r.id
       AND sr.valid_from <= m.missed_day AND (sr.valid_to IS NULL OR sr.valid_to > m.missed_day)
      WHERE NOT EXISTS (SELECT 1 FROM absence ab
                        WHERE ab.person_id = r.id AND ab.start_date <= m.missed_day AND ab.end_date >= m.missed_day)
        AND NOT EXISTS (SELECT 1 FROM activity ac
                        WHERE ac.person_id = r.id AND ac.date = m.missed_day
                          AND ac.status IN ('DIAJUKAN', 'DISETUJUI', 'REVISI'))
    )
    INSERT INTO reminder_delivery (id, person_id, date, slot, status, due_at, planned_at)
    SELECT gen_random_uuid(), s.id, d.day, d.slot, 'PLANNED', d.due_at, ${now}::timestamptz
    FROM unnest(${due.unitIds}::uuid[], ${due.days}::date[], ${due.slots}::text[], ${due.dueAts}::timestamptz[])
           AS d(unit_id, day, slot, due_at)
    JOIN person s ON s.unit_id = d.unit_id AND s.active
    JOIN late l ON l.supervisor_id = s.id AND l.day = d.day
    WHERE ${notYetPlannedReachablePresent("s.id", "d.day", "d.slot")}
    ON CONFLICT (person_id, date, slot) DO NOTHING`;
}

async function insertPendingReviewRows(
  tx: Tx,
  due: SlotColumns,
  cutoffs: string[],
  now: Date,
): Promise<number> {
  // ISO instants of one format: string order is time order.
  const latestCutoff = [...cutoffs].sort().at(-1)!;
  return tx.$executeRaw`
    WITH due AS MATERIALIZED (
      SELECT * FROM unnest(${due.unitIds}::uuid[], ${due.days}::date[], ${due.slots}::text[],
                           ${due.dueAts}::timestamptz[], ${cutoffs}::timestamptz[])
        AS d(unit_id, day, slot, due_at, cutoff)
    ),
    waiting AS (
      SELECT ac.person_id, min(ac.submitted_at) AS oldest
      FROM activity ac
      WHERE ac.status = 'DIAJUKAN' AND ac.submitted_at < ${latestCutoff}::timestamptz
      GROUP BY ac.person_id
    ),
    direct AS (
      SELECT sr.supervisor_id, sr.person_id, w.oldest, sr.valid_from, sr.valid_to
      FROM waiting w
      JOIN person r ON r.id = w.person_id AND r.active
      JOIN supervisor_relation sr ON sr.person_id = w.person_id
    ),
    reviewer AS (
      SELECT supervisor_id AS reviewer_id, person_id, oldest, valid_from, valid_to,
             NULL::date AS delegated_from, NULL::date AS delegated_to
      FROM direct
      UNION ALL
      SELECT dg.to_id, di.person_id, di.oldest, di.valid_from, di.valid_to, dg.valid_from, dg.valid_to
      FROM direct di JOIN delegation dg ON dg.from_id = di.supervisor_id
    ),
    chosen AS (
      SELECT DISTINCT s.id AS person_id, d.day, d.slot, d.due_at
      FROM reviewer rv
      JOIN person s ON s.id = rv.reviewer_id AND s.active
      JOIN due d ON d.unit_id = s.unit_id
      WHERE rv.person_id <> s.id AND rv.oldest < d.cutoff
        AND rv.valid_from <= d.day AND (rv.valid_to IS NULL OR rv.valid_to > d.day)
        AND (rv.delegated_from IS NULL OR (rv.delegated_from <= d.day AND rv.delegated_to >= d.day))
    )
    INSERT INTO reminder_delivery (id, person_id, date, slot, status, due_at, planned_at)
    SELECT gen_random_uuid(), c.person_id, c.day, c.slot, 'PLANNED', c.due_at, ${now}::timestamptz
    FROM chosen c
    WHERE ${notYetPlannedReachablePresent("c.person_id", "c.day", "c.slot")}
    ON CONFLICT (person_id, date, slot) DO NOTHING`;
}

/** PLANNED rows of today (each person's unit zone) whose slot has come: what the queue must hold. */
async function plannedRowsDue(
  tx: Tx,
  units: readonly { unitId: string; today: string }[],
  now: Date,
): Promise<string[]> {
  if (units.length === 0) return [];
  const unitIds = units.map((unit) => unit.unitId);
  const todays = units.map((unit) => unit.today);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT rd.id::text AS id
    FROM reminder_delivery rd
    JOIN person p ON p.id = rd.person_id
    JOIN unnest(${unitIds}::uuid[], ${todays}::date[]) AS t(unit_id, day)
      ON t.unit_id = p.unit_id AND t.day = rd.date
    WHERE rd.status = 'PLANNED' AND rd.date = ANY(${[...new Set(todays)]}::date[])
      AND rd.due_at <= ${now}::timestamptz
    ORDER BY rd.due_at, rd.id`;
  return rows.map((row) => row.id);
}

/**
 * PLANNED rows of the last `lookbackDays` days before each unit's today → SKIPPED: a reminder is for its
 * own day only, so a row whose job was lost (Redis flushed, every worker down) and whose day is over
 * is closed rather than left PLANNED forever. The look-back keeps the scan on recent rows.
 */
async function skipRowsOfDaysOver(
  tx: Tx,
  units: readonly { unitId: string; today: string }[],
  lookbackDays: number,
): Promise<number> {
  if (units.length === 0) return 0;
  const todays = units.map((unit) => unit.today);
  const earliest = [...todays].sort()[0]!;
  return tx.$executeRaw`
    UPDATE reminder_delivery rd SET status = 'SKIPPED', error = ${DAY_OVER}
    FROM person p
    JOIN unnest(${units.map((unit) => unit.unitId)}::uuid[], ${todays}::date[]) AS t(unit_id, day)
      ON t.unit_id = p.unit_id
    WHERE rd.person_id = p.id AND rd.status = 'PLANNED' AND rd.date < t.day
      AND rd.date >= ${earliest}::date - ${lookbackDays}::int`;
}
