import { instantAt, localDate } from "../domain/time-zone.ts";
import { colleaguesOf } from "./colleague-input.ts";
import type { Tx } from "./db-types.ts";
import { supervisorOn } from "./raters.ts";
import { teamOf } from "./team.ts";

export const KUDOS_MIN = 3;
export const KUDOS_MAX = 500;

/**
 * Who a person may thank (SPEC section 14): anyone of their unit, their supervisor and their staff (direct
 * reports and teams delegated to them today), themselves excluded; by name.
 */
export async function kudosRecipients(
  tx: Tx,
  personId: string,
  now: Date,
): Promise<{ id: string; name: string }[]> {
  const me = await tx.person.findUnique({
    where: { id: personId },
    select: { unit: { select: { timeZone: true } } },
  });
  if (!me) return [];
  const people = new Map<string, string>();
  for (const c of await colleaguesOf(tx, personId)) people.set(c.id, c.name);
  for (const m of await teamOf(tx, personId, now)) people.set(m.id, m.name);
  const supervisorId = await supervisorOn(tx, personId, localDate(me.unit.timeZone, now));
  if (supervisorId) {
    const supervisor = await tx.person.findUnique({ where: { id: supervisorId }, select: { name: true } });
    if (supervisor) people.set(supervisorId, supervisor.name);
  }
  people.delete(personId);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "id"));
}

/** Kudos a person received in a calendar year of their unit's zone. */
export async function kudosCountInYear(
  tx: Tx,
  personId: string,
  year: number,
  timeZone: string,
): Promise<number> {
  return tx.kudos.count({
    where: {
      toId: personId,
      createdAt: {
        gte: instantAt(timeZone, `${year}-01-01`, "00:00"),
        lt: instantAt(timeZone, `${year + 1}-01-01`, "00:00"),
      },
    },
  });
}
