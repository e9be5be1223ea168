import type { LocalDate } from "../domain/local-date.ts";
import type { WorkingCalendar } from "../domain/working-calendar.ts";
import type { Tx } from "./db-types.ts";
import { isMonth } from "./recognition.ts";
import { previousMonth } from "./recognition-criteria.ts";
import { dueToday, RECOGNITION_TIME, type UnitAtInstant } from "./reminder-calendar.ts";

/**
 * The monthly recognition's message to the unit head (SPEC section 14), on the reminder machinery of
 * section 7: one `reminder_delivery` row with the slot `penghargaan:<MONTH>` (the month recognised, the one
 * before), so a unit is asked at most once per month whatever happens.
 *
 * - When: 09:00 in the unit's zone on the month's first working day of the unit's calendar. Catch-up: a
 *   unit with no row yet for the month is planned on any of the month's first
 *   {@link RECOGNITION_WINDOW_WORKING_DAYS} working days, from 09:00 (the scheduler was down, the head
 *   linked an account since). A row not sent on its day is closed as any reminder and never planned again.
 * - Who: one head per unit: the active person of the unit with no supervisor in the unit who supervises
 *   the most active people of the unit on that day (then the lowest NIP), with a reachable account. A
 *   unit with nobody like that (no staff, no head) is not asked.
 * - Once per unit: no row of the slot for anyone of the unit since the month began, and no recognition
 *   of the unit and month yet. Two schedulers pick the same head, day and slot: the row's key makes one.
 *
 * The worker builds the suggestions when it sends (services/recognition.ts) and skips the row when nobody
 * of the unit had an approved report in the month.
 */
export const RECOGNITION_KIND = "penghargaan";
export const RECOGNITION_WINDOW_WORKING_DAYS = 5;

export const recognitionSlot = (month: string): string => `${RECOGNITION_KIND}:${month}`;

/** "penghargaan:2026-11" → "2026-11"; anything else → null. */
export function parseRecognitionSlot(slot: string): string | null {
  const prefix = `${RECOGNITION_KIND}:`;
  if (!slot.startsWith(prefix)) return null;
  const month = slot.slice(prefix.length);
  return isMonth(month) ? month : null;
}

/** Whether `today` is one of the month's first working days of the calendar (the recognition's window). */
export function inRecognitionWindow(calendar: WorkingCalendar, today: LocalDate): boolean {
  if (!calendar.isWorkingDay(today)) return false;
  let count = 0;
  for (let day = Number(today.slice(8, 10)); day >= 1; day--) {
    const date = `${today.slice(0, 8)}${String(day).padStart(2, "0")}`;
    if (calendar.isWorkingDay(date)) count++;
    if (count > RECOGNITION_WINDOW_WORKING_DAYS) return false;
  }
  return true;
}

/**
 * Plans the recognitions due at `now` with one `INSERT … SELECT … ON CONFLICT DO NOTHING` for every unit
 * in its window (no query at all otherwise). Returns the rows created.
 */
export async function planRecognitions(tx: Tx, units: readonly UnitAtInstant[], now: Date): Promise<number> {
  const due = {
    unitIds: [] as string[],
    months: [] as string[],
    slots: [] as string[],
    since: [] as string[],
    days: [] as string[],
    dueAts: [] as string[],
  };
  for (const unit of units) {
    const dueAt = dueToday(unit, RECOGNITION_TIME, now);
    if (!dueAt || !inRecognitionWindow(unit.calendar, unit.today)) continue;
    const month = previousMonth(unit.today);
    due.unitIds.push(unit.unitId);
    due.months.push(month);
    due.slots.push(recognitionSlot(month));
    due.since.push(`${unit.today.slice(0, 8)}01`);
    due.days.push(unit.today);
    due.dueAts.push(dueAt.toISOString());
  }
  if (due.unitIds.length === 0) return 0;
  return tx.$executeRaw`
    WITH due AS MATERIALIZED (
      SELECT * FROM unnest(${due.unitIds}::uuid[], ${due.months}::text[], ${due.slots}::text[],
                           ${due.since}::date[], ${due.days}::date[], ${due.dueAts}::timestamptz[])
        AS d(unit_id, month, slot, since, day, due_at)
    ),
    heads AS (
      SELECT DISTINCT ON (d.unit_id) d.*, p.id AS person_id
      FROM due d
      JOIN person p ON p.unit_id = d.unit_id AND p.active
      JOIN LATERAL (
        SELECT count(*) AS n FROM supervisor_relation sr JOIN person s ON s.id = sr.person_id
        WHERE sr.supervisor_id = p.id AND s.active AND s.unit_id = d.unit_id AND s.id <> p.id
          AND sr.valid_from <= d.day AND (sr.valid_to IS NULL OR sr.valid_to > d.day)
      ) staff ON staff.n > 0
      WHERE NOT EXISTS (
        SELECT 1 FROM supervisor_relation sr JOIN person s ON s.id = sr.supervisor_id
        WHERE sr.person_id = p.id AND s.unit_id = d.unit_id AND s.id <> p.id
          AND sr.valid_from <= d.day AND (sr.valid_to IS NULL OR sr.valid_to > d.day)
      )
      ORDER BY d.unit_id, staff.n DESC, p.nip
    )
    INSERT INTO reminder_delivery (id, person_id, date, slot, status, due_at, planned_at)
    SELECT gen_random_uuid(), h.person_id, h.day, h.slot, 'PLANNED', h.due_at, ${now}::timestamptz
    FROM heads h
    WHERE EXISTS (SELECT 1 FROM platform_account a WHERE a.person_id = h.person_id AND a.reachable)
      AND NOT EXISTS (SELECT 1 FROM reminder_delivery r JOIN person q ON q.id = r.person_id
                      WHERE q.unit_id = h.unit_id AND r.slot = h.slot AND r.date >= h.since)
      AND NOT EXISTS (SELECT 1 FROM recognition g WHERE g.unit_id = h.unit_id AND g.month = h.month)
    ON CONFLICT (person_id, date, slot) DO NOTHING`;
}
