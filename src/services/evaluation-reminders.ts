import { createHash } from "node:crypto";
import { addDays, type LocalDate } from "../domain/local-date.ts";
import { defaultPeriods, type Period } from "../domain/periods.ts";
import { instantAt } from "../domain/time-zone.ts";
import type { WorkingCalendar } from "../domain/working-calendar.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./db-types.ts";
import { periodOfUnit, periodsForUnit, yearsAround } from "./periods.ts";
import {
  EVALUATION_ESCALATION_TIME,
  EVALUATION_REQUEST_TIME,
  type UnitAtInstant,
} from "./reminder-calendar.ts";

/**
 * Evaluation requests and reminders (SPEC section 12, "Rating"), on the reminder machinery of section 7:
 * one `reminder_delivery` row per recipient, local day and slot, where the slot names the period:
 *
 * - `penilaian-buka:<CODE>`: the first working day after the period's `selesai`, 08:00, to each rater;
 * - `penilaian-pengingat:<CODE>`: 3 working days before `batas_penilaian`, 08:00, to each rater;
 * - `penilaian-eskalasi:<CODE>`: the first working day after `batas_penilaian`, 09:00, to the rater's own
 *   direct supervisor, about the unrated.
 *
 * Days and times are the recipient's: their unit's zone and working calendar. The rater of a ratee is the
 * direct supervisor on the period's last day (the pejabat penilai of record); when that supervisor's team
 * is delegated for a range covering the recipient's day, the delegate gets the rater's messages instead
 * (not for the delegate's own rating, if the delegate is a member of that team). The escalation goes to
 * the supervisor, on that day, of the rater of record. Periods are those of the ratee's unit
 * (`periodsForUnit`). A message is due only while someone it is about is still unrated (no `evaluation`
 * row for the period's code); the planner and the worker apply the same SQL, so the count sent is the
 * count at send time. A rater, period and slot get one row at most, whatever the date (a holiday imported
 * after a send never moves the slot to a second day).
 */
export const EVALUATION_SLOT_KINDS = ["penilaian-buka", "penilaian-pengingat", "penilaian-eskalasi"] as const;
export type EvaluationSlotKind = (typeof EVALUATION_SLOT_KINDS)[number];

/** Working days before `batas_penilaian` of the reminder. */
export const REMINDER_WORKING_DAYS_BEFORE_DEADLINE = 3;

const SLOT_TIME: Record<EvaluationSlotKind, string> = {
  "penilaian-buka": EVALUATION_REQUEST_TIME,
  "penilaian-pengingat": EVALUATION_REQUEST_TIME,
  "penilaian-eskalasi": EVALUATION_ESCALATION_TIME,
};

export const evaluationSlot = (kind: EvaluationSlotKind, code: string): string => `${kind}:${code}`;

/** "penilaian-buka:2026-TW1" → its kind and period code; anything else → null. */
export function parseEvaluationSlot(slot: string): { kind: EvaluationSlotKind; code: string } | null {
  const colon = slot.indexOf(":");
  if (colon < 0) return null;
  const kind = slot.slice(0, colon);
  const code = slot.slice(colon + 1);
  if (code === "" || !(EVALUATION_SLOT_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as EvaluationSlotKind, code };
}

/**
 * The local days a period's slots fall on in one unit's calendar; null when the period has no such slot:
 * the reminder only when its day comes after the request's, the escalation likewise (a deadline on the
 * period's last day gets neither: the request is the first word).
 */
export function evaluationSlotDays(
  calendar: WorkingCalendar,
  period: { endDate: LocalDate; ratingDeadline: LocalDate },
): Record<EvaluationSlotKind, LocalDate | null> {
  const opening = calendar.nextWorkingDay(period.endDate);
  let reminder = period.ratingDeadline;
  for (let i = 0; i < REMINDER_WORKING_DAYS_BEFORE_DEADLINE; i++)
    reminder = calendar.previousWorkingDay(reminder);
  const escalation = calendar.nextWorkingDay(period.ratingDeadline);
  return {
    "penilaian-buka": opening,
    "penilaian-pengingat": reminder > opening ? reminder : null,
    "penilaian-eskalasi": escalation > opening ? escalation : null,
  };
}

/** The slot kinds of a period that fall due in the unit today and whose time has come at `now`. */
function kindsDueToday(
  unit: UnitAtInstant,
  period: { endDate: LocalDate; ratingDeadline: LocalDate },
  now: Date,
): { kind: EvaluationSlotKind; dueAt: Date }[] {
  const days = evaluationSlotDays(unit.calendar, period);
  const due: { kind: EvaluationSlotKind; dueAt: Date }[] = [];
  for (const kind of EVALUATION_SLOT_KINDS) {
    if (days[kind] !== unit.today) continue;
    const dueAt = instantAt(unit.timeZone, unit.today, SLOT_TIME[kind]);
    if (dueAt.getTime() <= now.getTime()) due.push({ kind, dueAt });
  }
  return due;
}

/** Periods as held by ratees' units, as parallel arrays for `unnest`. */
interface PeriodColumns {
  unitIds: string[];
  codes: string[];
  ends: string[];
  deadlines: string[];
}

/** Slots due per recipients' unit and period, as parallel arrays for `unnest`. */
interface DueColumns {
  unitIds: string[];
  codes: string[];
  ends: string[];
  deadlines: string[];
  kinds: string[];
  slots: string[];
  days: string[];
  dueAts: string[];
}

const emptyPeriods = (): PeriodColumns => ({ unitIds: [], codes: [], ends: [], deadlines: [] });
const emptyDue = (): DueColumns => ({
  unitIds: [],
  codes: [],
  ends: [],
  deadlines: [],
  kinds: [],
  slots: [],
  days: [],
  dueAts: [],
});

interface PeriodKey {
  code: string;
  endDate: LocalDate;
  ratingDeadline: LocalDate;
}

function pushDue(
  due: DueColumns,
  unitId: string,
  period: PeriodKey,
  kind: EvaluationSlotKind,
  day: string,
  dueAt: Date,
) {
  due.unitIds.push(unitId);
  due.codes.push(period.code);
  due.ends.push(period.endDate);
  due.deadlines.push(period.ratingDeadline);
  due.kinds.push(kind);
  due.slots.push(evaluationSlot(kind, period.code));
  due.days.push(day);
  due.dueAts.push(dueAt.toISOString());
}

/**
 * The CTEs every evaluation slot shares: `unrated` (each active ratee of a period with no evaluation for
 * its code, with the rater of record: the direct supervisor on the period's last day, the most recent
 * relation in force then), `due` (the slots due per recipients' unit), `to_rater` (the recipient of the
 * request and the reminder for each unrated ratee: the rater of record, or the delegate of their team on
 * the recipient's day) and `to_chief` (the escalation's recipient for each unrated ratee: the supervisor
 * of the rater of record on the recipient's day).
 */
function slotCtes(periods: PeriodColumns, due: DueColumns): Prisma.Sql {
  return Prisma.sql`
    periods AS MATERIALIZED (
      SELECT * FROM unnest(${periods.unitIds}::uuid[], ${periods.codes}::text[], ${periods.ends}::date[],
                           ${periods.deadlines}::date[]) AS t(unit_id, code, end_date, deadline)
    ),
    of_record AS (
      SELECT DISTINCT ON (p.id, pr.code)
             p.id AS ratee_id, p.name AS ratee_name, pr.code, pr.end_date, pr.deadline,
             sr.supervisor_id AS rater_id
      FROM periods pr
      JOIN person p ON p.unit_id = pr.unit_id AND p.active
      JOIN supervisor_relation sr ON sr.person_id = p.id
       AND sr.valid_from <= pr.end_date AND (sr.valid_to IS NULL OR sr.valid_to > pr.end_date)
      ORDER BY p.id, pr.code, sr.valid_from DESC
    ),
    unrated AS MATERIALIZED (
      SELECT o.* FROM of_record o
      WHERE o.rater_id <> o.ratee_id
        AND NOT EXISTS (SELECT 1 FROM evaluation e WHERE e.person_id = o.ratee_id AND e.period_code = o.code)
    ),
    due AS MATERIALIZED (
      SELECT * FROM unnest(${due.unitIds}::uuid[], ${due.codes}::text[], ${due.ends}::date[],
                           ${due.deadlines}::date[], ${due.kinds}::text[], ${due.slots}::text[],
                           ${due.days}::date[], ${due.dueAts}::timestamptz[])
        AS d(unit_id, code, end_date, deadline, kind, slot, day, due_at)
    ),
    delegated AS MATERIALIZED (
      SELECT dg.from_id, dg.to_id, dg.valid_from, dg.valid_to
      FROM delegation dg JOIN person dp ON dp.id = dg.to_id AND dp.active
      WHERE dg.valid_to >= (SELECT min(day) FROM due) AND dg.valid_from <= (SELECT max(day) FROM due)
    ),
    rater_side AS MATERIALIZED (
      SELECT u.ratee_id, u.ratee_name, u.rater_id, u.code, u.end_date, u.deadline,
             s.id AS recipient_id, s.unit_id AS recipient_unit, NULL::date AS delegated_from,
             NULL::date AS delegated_to
      FROM unrated u JOIN person s ON s.id = u.rater_id AND s.active
      UNION ALL
      SELECT u.ratee_id, u.ratee_name, u.rater_id, u.code, u.end_date, u.deadline,
             s.id, s.unit_id, dg.valid_from, dg.valid_to
      FROM unrated u
      JOIN delegated dg ON dg.from_id = u.rater_id AND dg.to_id <> u.ratee_id
      JOIN person s ON s.id = dg.to_id
    ),
    to_rater AS (
      SELECT d.slot, d.day, d.due_at, r.recipient_id, r.ratee_id, r.ratee_name, r.rater_id
      FROM rater_side r
      JOIN due d ON d.kind <> 'penilaian-eskalasi' AND d.unit_id = r.recipient_unit AND d.code = r.code
       AND d.end_date = r.end_date AND d.deadline = r.deadline
      WHERE CASE WHEN r.delegated_from IS NULL
                 THEN NOT EXISTS (SELECT 1 FROM delegated dg
                                  WHERE dg.from_id = r.rater_id AND dg.to_id <> r.ratee_id
                                    AND dg.valid_from <= d.day AND dg.valid_to >= d.day)
                 ELSE r.delegated_from <= d.day AND r.delegated_to >= d.day END
    ),
    chief_side AS MATERIALIZED (
      SELECT u.ratee_id, u.ratee_name, u.rater_id, u.code, u.end_date, u.deadline,
             sr.supervisor_id AS recipient_id, x.unit_id AS recipient_unit, sr.valid_from, sr.valid_to
      FROM unrated u
      JOIN supervisor_relation sr ON sr.person_id = u.rater_id
      JOIN person x ON x.id = sr.supervisor_id
    ),
    chief_of AS (
      SELECT DISTINCT ON (c.ratee_id, c.code)
             d.slot, d.day, d.due_at, c.recipient_id, c.ratee_id, c.ratee_name, c.rater_id
      FROM chief_side c
      JOIN due d ON d.kind = 'penilaian-eskalasi' AND d.unit_id = c.recipient_unit AND d.code = c.code
       AND d.end_date = c.end_date AND d.deadline = c.deadline
      WHERE c.valid_from <= d.day AND (c.valid_to IS NULL OR c.valid_to > d.day)
      ORDER BY c.ratee_id, c.code, c.valid_from DESC
    ),
    to_chief AS (
      SELECT c.* FROM chief_of c JOIN person x ON x.id = c.recipient_id AND x.active
      WHERE c.recipient_id <> c.rater_id AND c.recipient_id <> c.ratee_id
    )`;
}

/** The CTE (`to_rater` or `to_chief`) that holds a slot kind's recipients. */
const recipientsOf = (kind: EvaluationSlotKind): Prisma.Sql =>
  Prisma.raw(kind === "penilaian-eskalasi" ? "to_chief" : "to_rater");

/**
 * `periodsForUnit` of every unit, for the years around its today. On a day with a slot due the planner
 * needs them every minute, and they change only through imports: the last answer is kept (per process)
 * with a fingerprint of everything it depends on (the `evaluation_period` rows, read in one query, the
 * unit tree and the years), and computed again, two queries per unit, when that changes. Shared with
 * the colleagues' invitation (services/colleague-invitations.ts), which asks with the same units.
 */
let periodsCache: { key: string; byUnit: Map<string, Period[]> } | null = null;

export async function periodsOfUnits(
  tx: Tx,
  units: readonly UnitAtInstant[],
): Promise<Map<string, Period[]>> {
  const [row] = await tx.$queryRaw<{ rows: string }[]>`
    SELECT coalesce(string_agg(concat_ws('|', code, scope, name, kind, start_date, end_date, rating_deadline),
                               ',' ORDER BY code, scope), '') AS rows
    FROM evaluation_period`;
  const tree = units
    .map((unit) => `${unit.unitId}>${unit.parentId ?? ""}@${yearsAround(unit.today).join("/")}`)
    .sort()
    .join(",");
  const key = createHash("sha256")
    .update(row?.rows ?? "")
    .update("\n")
    .update(tree)
    .digest("hex");
  if (periodsCache?.key === key) return periodsCache.byUnit;
  const byUnit = new Map<string, Period[]>();
  // One unit after the other: a transaction is one connection.
  for (const unit of units)
    byUnit.set(unit.unitId, await periodsForUnit(tx, unit.unitId, yearsAround(unit.today)));
  periodsCache = { key, byUnit };
  return byUnit;
}

/** The escalation falls on the working day after the deadline: never more than this many days after it. */
const CANDIDATE_LOOKBACK_DAYS = 60;

/**
 * Period end and deadline pairs that could have a slot due around `now`: configured ones (one cheap
 * query on a small table) and the defaults of the years around every unit's today.
 */
async function candidatePeriodDates(
  tx: Tx,
  units: readonly UnitAtInstant[],
): Promise<{ endDate: LocalDate; ratingDeadline: LocalDate }[]> {
  const todays = units.map((unit) => unit.today).sort();
  const earliest = todays[0]!;
  const latest = todays.at(-1)!;
  const configured = await tx.$queryRaw<{ endDate: string; ratingDeadline: string }[]>`
    SELECT DISTINCT to_char(end_date, 'YYYY-MM-DD') AS "endDate",
                    to_char(rating_deadline, 'YYYY-MM-DD') AS "ratingDeadline"
    FROM evaluation_period
    WHERE end_date < ${latest}::date AND rating_deadline >= ${addDays(earliest, -CANDIDATE_LOOKBACK_DAYS)}::date`;
  const years = new Set(todays.flatMap(yearsAround));
  const defaults = [...years].flatMap(defaultPeriods);
  const byKey = new Map<string, { endDate: LocalDate; ratingDeadline: LocalDate }>();
  for (const dates of [...configured, ...defaults]) {
    byKey.set(`${dates.endDate}|${dates.ratingDeadline}`, {
      endDate: dates.endDate,
      ratingDeadline: dates.ratingDeadline,
    });
  }
  return [...byKey.values()];
}

const datesKey = (p: { endDate: string; ratingDeadline: string }) => `${p.endDate}|${p.ratingDeadline}`;

/**
 * Plans the evaluation slots due at `now` (see the module comment): `INSERT … SELECT … ON CONFLICT DO
 * NOTHING`, one statement for the request and the reminder of every unit and period, one for the
 * escalations. Costs one small query on ticks when no period slot is due anywhere (most of them); on a
 * day with a slot, one more for the periods (see {@link periodsOfUnits}) and the set-based statements
 * (about 30 ms each for 10,000 people on the 2-core machine).
 * Returns the rows created.
 */
export async function planEvaluationReminders(
  tx: Tx,
  units: readonly UnitAtInstant[],
  now: Date,
): Promise<number> {
  if (units.length === 0) return 0;
  // Which period dates have a slot due today in which unit (unit → keys).
  const candidates = await candidatePeriodDates(tx, units);
  const dueKeysByUnit = new Map<string, Map<string, { kind: EvaluationSlotKind; dueAt: Date }[]>>();
  for (const unit of units) {
    for (const dates of candidates) {
      const kinds = kindsDueToday(unit, dates, now);
      if (kinds.length === 0) continue;
      const byKey = dueKeysByUnit.get(unit.unitId) ?? new Map();
      byKey.set(datesKey(dates), kinds);
      dueKeysByUnit.set(unit.unitId, byKey);
    }
  }
  if (dueKeysByUnit.size === 0) return 0;
  const dueKeys = new Set([...dueKeysByUnit.values()].flatMap((byKey) => [...byKey.keys()]));

  // The periods of every unit (as ratees' units) with those dates.
  const periods = emptyPeriods();
  const periodKeys = new Map<string, PeriodKey>();
  for (const [unitId, held] of await periodsOfUnits(tx, units)) {
    for (const period of held) {
      if (!dueKeys.has(datesKey(period))) continue;
      periods.unitIds.push(unitId);
      periods.codes.push(period.code);
      periods.ends.push(period.endDate);
      periods.deadlines.push(period.ratingDeadline);
      periodKeys.set(`${period.code}|${datesKey(period)}`, {
        code: period.code,
        endDate: period.endDate,
        ratingDeadline: period.ratingDeadline,
      });
    }
  }
  if (periods.unitIds.length === 0) return 0;

  // The slots due per recipients' unit, for each of those periods.
  const raterSlots = emptyDue();
  const chiefSlots = emptyDue();
  for (const unit of units) {
    const byKey = dueKeysByUnit.get(unit.unitId);
    if (!byKey) continue;
    for (const period of periodKeys.values()) {
      for (const { kind, dueAt } of byKey.get(datesKey(period)) ?? []) {
        pushDue(
          kind === "penilaian-eskalasi" ? chiefSlots : raterSlots,
          unit.unitId,
          period,
          kind,
          unit.today,
          dueAt,
        );
      }
    }
  }
  let planned = 0;
  if (raterSlots.slots.length > 0) planned += await insertSlotRows(tx, periods, raterSlots, "to_rater", now);
  if (chiefSlots.slots.length > 0) planned += await insertSlotRows(tx, periods, chiefSlots, "to_chief", now);
  return planned;
}

async function insertSlotRows(
  tx: Tx,
  periods: PeriodColumns,
  due: DueColumns,
  recipients: "to_rater" | "to_chief",
  now: Date,
): Promise<number> {
  return tx.$executeRaw`
    WITH ${slotCtes(periods, due)}
    INSERT INTO reminder_delivery (id, person_id, date, slot, status, due_at, planned_at)
    SELECT gen_random_uuid(), c.recipient_id, c.day, c.slot, 'PLANNED', c.due_at, ${now}::timestamptz
    FROM (SELECT DISTINCT recipient_id, day, slot, due_at FROM ${Prisma.raw(recipients)}) c
    WHERE EXISTS (SELECT 1 FROM platform_account a WHERE a.person_id = c.recipient_id AND a.reachable)
      AND NOT EXISTS (SELECT 1 FROM reminder_delivery r WHERE r.person_id = c.recipient_id AND r.slot = c.slot)
    ON CONFLICT (person_id, date, slot) DO NOTHING`;
}

/** Someone still unrated, as a message names them. */
export interface UnratedRatee {
  name: string;
  /** The rater of record (the direct supervisor on the period's last day) */
  raterName: string;
}

/** What an evaluation slot has to say at send time. */
export interface EvaluationSlotState {
  kind: EvaluationSlotKind;
  period: { code: string; name: string; endDate: LocalDate; ratingDeadline: LocalDate } | null;
  /** The unrated the message is about, by rater name then name */
  unrated: UnratedRatee[];
}

/**
 * The row's slot as it stands now (the worker's check before sending): the recipient's unrated ratees
 * for the period by the planner's own rules, on the row's day. `unitId` is the recipient's unit.
 */
export async function evaluationSlotState(
  tx: Tx,
  row: { personId: string; unitId: string; date: LocalDate; slot: string },
): Promise<EvaluationSlotState | null> {
  const parsed = parseEvaluationSlot(row.slot);
  if (!parsed) return null;
  const { kind, code } = parsed;
  // The units of the people the message could be about, then the period as each of them holds it.
  const units =
    kind === "penilaian-eskalasi"
      ? await tx.$queryRaw<{ unitId: string }[]>`
          SELECT DISTINCT p.unit_id::text AS "unitId"
          FROM supervisor_relation up JOIN supervisor_relation sr ON sr.supervisor_id = up.person_id
          JOIN person p ON p.id = sr.person_id
          WHERE up.supervisor_id = ${row.personId}::uuid`
      : await tx.$queryRaw<{ unitId: string }[]>`
          SELECT DISTINCT p.unit_id::text AS "unitId"
          FROM supervisor_relation sr JOIN person p ON p.id = sr.person_id
          WHERE sr.supervisor_id = ${row.personId}::uuid
             OR sr.supervisor_id IN (SELECT from_id FROM delegation WHERE to_id = ${row.personId}::uuid)`;
  const own = await periodOfUnit(tx, row.unitId, code);
  const periods = emptyPeriods();
  const keys = new Map<string, PeriodKey>();
  let first: Period | null = null;
  for (const { unitId } of units) {
    const period = await periodOfUnit(tx, unitId, code);
    if (!period) continue;
    first ??= period;
    periods.unitIds.push(unitId);
    periods.codes.push(code);
    periods.ends.push(period.endDate);
    periods.deadlines.push(period.ratingDeadline);
    keys.set(datesKey(period), { code, endDate: period.endDate, ratingDeadline: period.ratingDeadline });
  }
  const shown = own ?? first;
  const period = shown
    ? { code, name: shown.name, endDate: shown.endDate, ratingDeadline: shown.ratingDeadline }
    : null;
  if (periods.unitIds.length === 0) return { kind, period, unrated: [] };
  const due = emptyDue();
  for (const key of keys.values()) pushDue(due, row.unitId, key, kind, row.date, new Date(0));
  const rows = await tx.$queryRaw<{ name: string; raterName: string }[]>`
    WITH ${slotCtes(periods, due)}
    SELECT DISTINCT ON (t.ratee_id) t.ratee_name AS name, rp.name AS "raterName"
    FROM ${recipientsOf(kind)} t JOIN person rp ON rp.id = t.rater_id
    WHERE t.recipient_id = ${row.personId}::uuid AND t.slot = ${row.slot}
    ORDER BY t.ratee_id`;
  const unrated = rows.sort(
    (a, b) => a.raterName.localeCompare(b.raterName, "id") || a.name.localeCompare(b.name, "id"),
  );
  return { kind, period, unrated };
}
