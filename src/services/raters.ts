import type { Period } from "../domain/periods.ts";
import { localDate } from "../domain/time-zone.ts";
import { fromLocalDate, type Tx } from "./db-types.ts";

/**
 * Who rates whom for a period (SPEC section 12): the pejabat penilai is the person's direct supervisor on
 * the period's last day; someone that supervisor delegated their team to, for a range covering that last
 * day or the day of rating, may rate in their place. The atasan pejabat penilai (who decides objections)
 * is the rater's own direct supervisor.
 */

/** The active direct supervisor of `personId` on `date` (a relation in force then), or null. */
export async function supervisorOn(tx: Tx, personId: string, date: string): Promise<string | null> {
  const on = fromLocalDate(date);
  const relation = await tx.supervisorRelation.findFirst({
    where: {
      personId,
      supervisor: { active: true },
      validFrom: { lte: on },
      OR: [{ validTo: null }, { validTo: { gt: on } }],
    },
    orderBy: { validFrom: "desc" },
    select: { supervisorId: true },
  });
  return relation?.supervisorId ?? null;
}

/** Someone a rater rates for a period. */
export interface Ratee {
  id: string;
  nip: string;
  name: string;
  position: string;
  unitId: string;
  unitName: string;
  timeZone: string;
  /** the pejabat penilai of record: the direct supervisor on the period's last day */
  raterOfRecordId: string;
  /** null when rated as the direct supervisor; else the name of the supervisor who delegated */
  delegatedBy: string | null;
}

interface RateeRow {
  id: string;
  nip: string;
  name: string;
  position: string;
  unitId: string;
  unitName: string;
  timeZone: string;
  supervisorId: string;
  delegatedBy: string | null;
  delegationFrom: Date | null;
  delegationTo: Date | null;
}

/**
 * The active people `raterId` rates for `period`: whose direct supervisor on its last day was the rater,
 * and those of a supervisor who delegated their team to the rater for a range covering that last day or
 * the member's own today. Nobody rates themselves. Sorted by name.
 */
export async function rateesOf(tx: Tx, raterId: string, period: Period, now: Date): Promise<Ratee[]> {
  const end = fromLocalDate(period.endDate);
  const rows = await tx.$queryRaw<RateeRow[]>`
    SELECT p.id::text AS id, p.nip, p.name, p.position, p.unit_id::text AS "unitId", u.name AS "unitName",
           u.time_zone AS "timeZone", sr.supervisor_id::text AS "supervisorId", NULL::text AS "delegatedBy",
           NULL::date AS "delegationFrom", NULL::date AS "delegationTo"
    FROM supervisor_relation sr
    JOIN person p ON p.id = sr.person_id JOIN unit u ON u.id = p.unit_id
    WHERE sr.supervisor_id = ${raterId}::uuid AND p.active AND p.id <> ${raterId}::uuid
      AND sr.valid_from <= ${end}::date AND (sr.valid_to IS NULL OR sr.valid_to > ${end}::date)
    UNION ALL
    SELECT p.id::text, p.nip, p.name, p.position, p.unit_id::text, u.name, u.time_zone,
           sr.supervisor_id::text, s.name, d.valid_from, d.valid_to
    FROM delegation d
    JOIN supervisor_relation sr ON sr.supervisor_id = d.from_id
    JOIN person p ON p.id = sr.person_id JOIN unit u ON u.id = p.unit_id
    JOIN person s ON s.id = d.from_id
    WHERE d.to_id = ${raterId}::uuid AND p.active AND p.id <> ${raterId}::uuid
      AND sr.valid_from <= ${end}::date AND (sr.valid_to IS NULL OR sr.valid_to > ${end}::date)`;
  const ratees = new Map<string, Ratee>();
  for (const row of rows) {
    if (row.delegatedBy !== null && row.delegationFrom && row.delegationTo) {
      const today = localDate(row.timeZone, now);
      const from = row.delegationFrom.toISOString().slice(0, 10);
      const to = row.delegationTo.toISOString().slice(0, 10);
      const covers = (d: string) => from <= d && d <= to;
      if (!covers(period.endDate) && !covers(today)) continue;
    }
    const known = ratees.get(row.id);
    if (known && known.delegatedBy === null) continue;
    ratees.set(row.id, {
      id: row.id,
      nip: row.nip,
      name: row.name,
      position: row.position,
      unitId: row.unitId,
      unitName: row.unitName,
      timeZone: row.timeZone,
      raterOfRecordId: row.supervisorId,
      delegatedBy: row.delegatedBy,
    });
  }
  return [...ratees.values()].sort((a, b) => a.name.localeCompare(b.name, "id"));
}

/** The ratee, if `actorId` rates them for `period`; else null. */
export async function rateeFor(
  tx: Tx,
  actorId: string,
  personId: string,
  period: Period,
  now: Date,
): Promise<Ratee | null> {
  const ratees = await rateesOf(tx, actorId, period, now);
  return ratees.find((r) => r.id === personId) ?? null;
}

/**
 * Whether the person heads their unit on `date`: their direct supervisor then sits in another unit (or
 * there is none), and they supervise someone in their unit or a unit below it. Their rating hasil kerja
 * follows the unit's capaian kinerja organisasi.
 */
export async function isUnitHead(tx: Tx, personId: string, date: string): Promise<boolean> {
  const on = fromLocalDate(date);
  const rows = await tx.$queryRaw<{ head: boolean }[]>`
    WITH RECURSIVE me AS (SELECT id, unit_id FROM person WHERE id = ${personId}::uuid),
    below AS (
      SELECT u.id, 0 AS depth FROM unit u JOIN me ON u.id = me.unit_id
      UNION ALL
      SELECT c.id, below.depth + 1 FROM unit c JOIN below ON c.parent_id = below.id WHERE below.depth < 50
    )
    SELECT
      NOT EXISTS (
        SELECT 1 FROM supervisor_relation sr JOIN person s ON s.id = sr.supervisor_id, me
        WHERE sr.person_id = me.id AND s.unit_id = me.unit_id
          AND sr.valid_from <= ${on}::date AND (sr.valid_to IS NULL OR sr.valid_to > ${on}::date)
      )
      AND EXISTS (
        SELECT 1 FROM supervisor_relation sr JOIN person p ON p.id = sr.person_id, me
        WHERE sr.supervisor_id = me.id AND p.active AND p.unit_id IN (SELECT id FROM below)
          AND sr.valid_from <= ${on}::date AND (sr.valid_to IS NULL OR sr.valid_to > ${on}::date)
      ) AS head`;
  return rows[0]?.head === true;
}
