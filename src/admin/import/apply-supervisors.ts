/**
 * Sets each imported person's CURRENT direct supervisor, keeping history (SupervisorRelation rows are
 * [validFrom, validTo) ranges of local dates; validTo null = current). "Today" is the local date of
 * `now` in the person's unit zone.
 * - already the current supervisor: nothing;
 * - another supervisor: the current relation ends today and a new one starts today;
 * - `atasan_nip` empty: the current relation ends today;
 * - a relation that started today is changed in place (or removed) instead of leaving an empty
 *   [today, today) range, and a relation to the same supervisor that ended today is reopened.
 * A file without the `atasan_nip` column leaves supervisors alone.
 */
import { localDate } from "../../domain/time-zone.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { dateColumn, inBatches, isoDate, type Tx } from "./transaction-client.ts";

export interface SupervisorsApplied {
  opened: number;
  closed: number;
  /** NIPs whose supervisor changed. */
  changed: Set<string>;
}

interface Relation {
  id: string;
  personId: string;
  supervisorId: string;
  validFrom: Date;
  validTo: Date | null;
}

interface Wanted {
  nip: string;
  personId: string;
  supervisorId: string | null;
  today: string;
}

export async function applySupervisors(
  tx: Tx,
  rows: readonly ParsedRow<"pegawai">[],
  personIdByNip: ReadonlyMap<string, string>,
  unitByCode: ReadonlyMap<string, { timeZone: string }>,
  now: Date,
): Promise<SupervisorsApplied> {
  const wanted: Wanted[] = [];
  for (const { record } of rows) {
    if (record.supervisorNip === undefined) continue;
    wanted.push({
      nip: record.nip,
      personId: personIdByNip.get(record.nip)!,
      supervisorId: record.supervisorNip === null ? null : personIdByNip.get(record.supervisorNip)!,
      today: localDate(unitByCode.get(record.unitCode)!.timeZone, now),
    });
  }
  const todays = [...new Set(wanted.map((w) => w.today))].map(dateColumn);
  const relationsByPerson = new Map<string, Relation[]>();
  for (const batch of inBatches(wanted.map((w) => w.personId))) {
    const relations = await tx.supervisorRelation.findMany({
      where: { personId: { in: batch }, OR: [{ validTo: null }, { validTo: { in: todays } }] },
      select: { id: true, personId: true, supervisorId: true, validFrom: true, validTo: true },
    });
    for (const relation of relations) {
      const list = relationsByPerson.get(relation.personId) ?? [];
      list.push(relation);
      relationsByPerson.set(relation.personId, list);
    }
  }

  const applied: SupervisorsApplied = { opened: 0, closed: 0, changed: new Set() };
  const creates: { personId: string; supervisorId: string; validFrom: Date }[] = [];
  for (const want of wanted) {
    const relations = relationsByPerson.get(want.personId) ?? [];
    const opening = await endOrReuse(tx, want, relations, applied);
    if (opening === undefined) continue;
    creates.push(opening);
    applied.changed.add(want.nip);
  }
  for (const batch of inBatches(creates)) await tx.supervisorRelation.createMany({ data: batch });
  applied.opened += creates.length;
  return applied;
}

/**
 * Ends, reuses or reopens one person's relations; returns the relation still to be created, if any.
 * Adds the person to `applied.changed` when it writes something.
 */
async function endOrReuse(
  tx: Tx,
  want: Wanted,
  relations: readonly Relation[],
  applied: SupervisorsApplied,
): Promise<{ personId: string; supervisorId: string; validFrom: Date } | undefined> {
  const current = relations.filter((r) => r.validTo === null);
  const keep = current.find((r) => r.supervisorId === want.supervisorId);
  const toEnd = current.filter((r) => r !== keep);
  let written = toEnd.length > 0;
  let placed = keep !== undefined || want.supervisorId === null;

  if (!placed) {
    const endedToday = relations.find(
      (r) => r.validTo !== null && isoDate(r.validTo) === want.today && r.supervisorId === want.supervisorId,
    );
    if (endedToday !== undefined) {
      await tx.supervisorRelation.update({ where: { id: endedToday.id }, data: { validTo: null } });
      placed = true;
      written = true;
      applied.opened += 1;
    }
  }
  for (const relation of toEnd) {
    if (isoDate(relation.validFrom) < want.today) {
      await tx.supervisorRelation.update({
        where: { id: relation.id },
        data: { validTo: dateColumn(want.today) },
      });
      applied.closed += 1;
    } else if (!placed && want.supervisorId !== null) {
      // Started today (or later): change it in place rather than leave an empty range behind.
      await tx.supervisorRelation.update({
        where: { id: relation.id },
        data: { supervisorId: want.supervisorId },
      });
      placed = true;
      applied.opened += 1;
      applied.closed += 1;
    } else {
      await tx.supervisorRelation.delete({ where: { id: relation.id } });
      applied.closed += 1;
    }
  }
  if (written) applied.changed.add(want.nip);
  if (placed || want.supervisorId === null) return undefined;
  return { personId: want.personId, supervisorId: want.supervisorId, validFrom: dateColumn(want.today) };
}
