/**
 * Upserts holidays by date + scope (the unit's id, or "*" for every unit: an empty unit_kode is one key
 * of its own, not a wildcard over the units' holidays), writing only holidays that differ.
 */
import { randomUUID } from "node:crypto";
import type { HolidayKind } from "../../generated/prisma/enums.ts";
import { emptyCounts, type KindCounts, tally } from "./counts.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { dateColumn, inBatches, isoDate, type Tx } from "./transaction-client.ts";

/** `Holiday.scope` of a national (every-unit) holiday. */
export const ALL_UNITS_SCOPE = "*";

export async function applyHolidays(
  tx: Tx,
  rows: readonly ParsedRow<"libur">[],
  unitByCode: ReadonlyMap<string, { id: string }>,
): Promise<KindCounts> {
  const counts = emptyCounts();
  if (rows.length === 0) return counts;
  const dates = [...new Set(rows.map((row) => row.record.date))].map(dateColumn);
  const stored = [];
  for (const batch of inBatches(dates)) {
    stored.push(
      ...(await tx.holiday.findMany({
        where: { date: { in: batch } },
        select: { id: true, date: true, scope: true, name: true, kind: true, unitId: true },
      })),
    );
  }
  const storedByKey = new Map(
    stored.map((holiday) => [`${isoDate(holiday.date)}|${holiday.scope}`, holiday]),
  );

  const creates: {
    id: string;
    date: Date;
    scope: string;
    name: string;
    kind: HolidayKind;
    unitId: string | null;
  }[] = [];
  const updates: { id: string; data: { name: string; kind: HolidayKind; unitId: string | null } }[] = [];
  for (const { record } of rows) {
    const unitId = record.unitCode === null ? null : unitByCode.get(record.unitCode)!.id;
    const scope = unitId ?? ALL_UNITS_SCOPE;
    const before = storedByKey.get(`${record.date}|${scope}`);
    const data = { name: record.name, kind: record.kind, unitId };
    if (before === undefined) {
      creates.push({ id: randomUUID(), date: dateColumn(record.date), scope, ...data });
      tally(counts, "created");
    } else if (before.name !== data.name || before.kind !== data.kind || before.unitId !== data.unitId) {
      updates.push({ id: before.id, data });
      tally(counts, "updated");
    } else {
      tally(counts, "unchanged");
    }
  }
  for (const batch of inBatches(creates)) await tx.holiday.createMany({ data: batch });
  for (const { id, data } of updates) await tx.holiday.update({ where: { id }, data });
  return counts;
}
