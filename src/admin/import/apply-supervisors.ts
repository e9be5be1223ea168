/**
 * Sets each imported person's CURRENT direct supervisor, keeping history (SupervisorRelation rows are
 * [validFrom, validTo) ranges of local dates; validTo null = current). "Today" is the local date of
 * `now` in the person's unit zone.
 * - already the current supervisor: nothing;
 * - a person with no relation at all yet: the new relation counts from 1 January of today's year (SPEC
 *   section 12), so that a deployment starting mid-year can rate the periods already over;
 * - another supervisor: the current relation ends today and a new one starts today;
 * - `atasan_nip` empty: the current relation ends today;
 * - a relation that started today is changed in place (or removed) instead of leaving an empty
 *   [today, today) range, and a relation to the same supervisor that ended today is reopened. A person's
 *   first relation, opened by an import today (from 1 January), counts as started today: correcting it the
 *   same day changes it in place rather than leaving the wrong supervisor as the rater of the past months.
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
  createdAt: Date;
}

interface Wanted {
  nip: string;
  personId: string;
  supervisorId: string | null;
  timeZone: string;
  today: string;
  /** relations the person has had, ever */
  relationCount: number;
}

interface Opening {
  personId: string;
  supervisorId: string;
  validFrom: Date;
  createdAt: Date;
}

const firstOfYear = (today: string) => `${today.slice(0, 4)}-01-01`;

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
    const { timeZone } = unitByCode.get(record.unitCode)!;
    wanted.push({
      nip: record.nip,
      personId: personIdByNip.get(record.nip)!,
      supervisorId: record.supervisorNip === null ? null : personIdByNip.get(record.supervisorNip)!,
      timeZone,
      today: localDate(timeZone, now),
      relationCount: 0,
    });
  }
  const countByPerson = new Map<string, number>();
  for (const batch of inBatches(wanted.map((w) => w.personId))) {
    const counts = await tx.supervisorRelation.groupBy({
      by: ["personId"],
      where: { personId: { in: batch } },
      _count: { _all: true },
    });
    for (const row of counts) countByPerson.set(row.personId, row._count._all);
  }
  for (const want of wanted) want.relationCount = countByPerson.get(want.personId) ?? 0;

  const todays = [...new Set(wanted.map((w) => w.today))].map(dateColumn);
  const relationsByPerson = new Map<string, Relation[]>();
  for (const batch of inBatches(wanted.filter((w) => w.relationCount > 0).map((w) => w.personId))) {
    const relations = await tx.supervisorRelation.findMany({
      where: { personId: { in: batch }, OR: [{ validTo: null }, { validTo: { in: todays } }] },
      select: {
        id: true,
        personId: true,
        supervisorId: true,
        validFrom: true,
        validTo: true,
        createdAt: true,
      },
    });
    for (const relation of relations) {
      const list = relationsByPerson.get(relation.personId) ?? [];
      list.push(relation);
      relationsByPerson.set(relation.personId, list);
    }
  }

  const applied: SupervisorsApplied = { opened: 0, closed: 0, changed: new Set() };
  const creates: Opening[] = [];
  for (const want of wanted) {
    const relations = relationsByPerson.get(want.personId) ?? [];
    const opening = await endOrReuse(tx, want, relations, applied, now);
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
  now: Date,
): Promise<Opening | undefined> {
  /** The person's only relation ever, opened from 1 January by an import earlier today. */
  const firstOpenedToday = (r: Relation) =>
    want.relationCount === 1 &&
    isoDate(r.validFrom) === firstOfYear(want.today) &&
    localDate(want.timeZone, r.createdAt) === want.today;
  const startedToday = (r: Relation) => isoDate(r.validFrom) >= want.today || firstOpenedToday(r);
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
    if (!startedToday(relation)) {
      await tx.supervisorRelation.update({
        where: { id: relation.id },
        data: { validTo: dateColumn(want.today) },
      });
      applied.closed += 1;
    } else if (!placed && want.supervisorId !== null) {
      // Started today (or later, or opened today from 1 January): change it in place rather than
      // leave an empty range, or the wrong supervisor for the months before, behind.
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
  const validFrom = want.relationCount === 0 ? firstOfYear(want.today) : want.today;
  return {
    personId: want.personId,
    supervisorId: want.supervisorId,
    validFrom: dateColumn(validFrom),
    // The import's own clock: a correction later the same day recognises the relation it opened.
    createdAt: now,
  };
}
