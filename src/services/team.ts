import { addDays } from "../domain/local-date.ts";
import { localDate } from "../domain/time-zone.ts";
import type { Platform } from "../generated/prisma/client.ts";
import { writeAudit } from "./audit.ts";
import { fromLocalDate, type Tx, toLocalDate } from "./db-types.ts";
import { canSupervise } from "./review.ts";

/** Someone a supervisor may act for now (SPEC section 6: direct reports, or a team delegated to them). */
export interface TeamMember {
  id: string;
  nip: string;
  name: string;
  unitId: string;
  timeZone: string;
  /** Today in the member's unit zone: the day authority is judged on (as `decideActivity` does) */
  today: string;
  /** Null for a direct report; else the name of the supervisor who delegated their team */
  delegatedBy: string | null;
}

interface CandidateRow {
  id: string;
  nip: string;
  name: string;
  unitId: string;
  timeZone: string;
  relationFrom: Date;
  relationTo: Date | null;
  delegationFrom: Date | null;
  delegationTo: Date | null;
  delegatedBy: string | null;
}

/**
 * The active people `supervisorId` may act for at `now`, by name: the same rule as `canSupervise`
 * (relations and delegations in force on each member's own "today"), in one query. Nobody is in their
 * own team, even when their supervisor delegated the team to them.
 */
export async function teamOf(tx: Tx, supervisorId: string, now: Date): Promise<TeamMember[]> {
  // Every zone's "today" lies within a day of the UTC date; the exact check per member follows below.
  const utcToday = now.toISOString().slice(0, 10);
  const earliest = fromLocalDate(addDays(utcToday, -1));
  const latest = fromLocalDate(addDays(utcToday, 1));
  const rows = await tx.$queryRaw<CandidateRow[]>`
    SELECT p.id::text AS id, p.nip, p.name, p.unit_id::text AS "unitId", u.time_zone AS "timeZone",
           sr.valid_from AS "relationFrom", sr.valid_to AS "relationTo",
           NULL::date AS "delegationFrom", NULL::date AS "delegationTo", NULL::text AS "delegatedBy"
    FROM supervisor_relation sr
    JOIN person p ON p.id = sr.person_id JOIN unit u ON u.id = p.unit_id
    WHERE sr.supervisor_id = ${supervisorId}::uuid AND p.active AND p.id <> ${supervisorId}::uuid
      AND sr.valid_from <= ${latest}::date AND (sr.valid_to IS NULL OR sr.valid_to > ${earliest}::date)
    UNION ALL
    SELECT p.id::text, p.nip, p.name, p.unit_id::text, u.time_zone,
           sr.valid_from, sr.valid_to, d.valid_from, d.valid_to, s.name
    FROM delegation d
    JOIN supervisor_relation sr ON sr.supervisor_id = d.from_id
    JOIN person p ON p.id = sr.person_id JOIN unit u ON u.id = p.unit_id
    JOIN person s ON s.id = d.from_id
    WHERE d.to_id = ${supervisorId}::uuid AND p.active AND p.id <> ${supervisorId}::uuid
      AND d.valid_from <= ${latest}::date AND d.valid_to >= ${earliest}::date
      AND sr.valid_from <= ${latest}::date AND (sr.valid_to IS NULL OR sr.valid_to > ${earliest}::date)`;
  const members = new Map<string, TeamMember>();
  for (const row of rows) {
    const today = localDate(row.timeZone, now);
    const relationHolds =
      toLocalDate(row.relationFrom) <= today &&
      (row.relationTo === null || toLocalDate(row.relationTo) > today);
    const delegationHolds =
      row.delegationFrom === null ||
      (toLocalDate(row.delegationFrom) <= today &&
        row.delegationTo !== null &&
        toLocalDate(row.delegationTo) >= today);
    if (!relationHolds || !delegationHolds) continue;
    const known = members.get(row.id);
    // A direct relation wins over a delegation of the same person.
    if (known && (known.delegatedBy === null || row.delegatedBy !== null)) continue;
    members.set(row.id, {
      id: row.id,
      nip: row.nip,
      name: row.name,
      unitId: row.unitId,
      timeZone: row.timeZone,
      today,
      delegatedBy: row.delegatedBy,
    });
  }
  return [...members.values()].sort((a, b) => a.name.localeCompare(b.name, "id"));
}

/** The employee a supervisor wants to act for, if they may (checked on the employee's today). */
export async function memberFor(
  tx: Tx,
  supervisorId: string,
  employeeId: string,
  now: Date,
): Promise<{ id: string; name: string; today: string; timeZone: string } | null> {
  const employee = await tx.person.findUnique({
    where: { id: employeeId },
    select: { id: true, name: true, active: true, unit: { select: { timeZone: true } } },
  });
  if (!employee?.active) return null;
  const today = localDate(employee.unit.timeZone, now);
  if (!(await canSupervise(tx, supervisorId, employee.id, today))) return null;
  return { id: employee.id, name: employee.name, today, timeZone: employee.unit.timeZone };
}

/** A supervisor tried to act for someone outside their team: written to `audit_log` like a refused decision. */
export async function auditRefusal(
  tx: Tx,
  input: {
    actorId: string;
    via: Platform;
    action: "queue.refused" | "feedback.refused";
    employeeId: string;
    now: Date;
    detail?: Record<string, string | number>;
  },
): Promise<void> {
  await writeAudit(tx, {
    actorId: input.actorId,
    via: input.via,
    action: input.action,
    entity: "person",
    entityId: input.employeeId,
    now: input.now,
    detail: { reason: "not the employee's supervisor or delegate", ...input.detail },
  });
}
