/**
 * Upserts evaluation periods by kode + scope (the unit's id, or "*" for every unit: an empty unit_kode is
 * a key of its own, like a national holiday), writing only periods that differ. Nothing is deleted.
 */
import { randomUUID } from "node:crypto";
import type { PeriodKind } from "../../generated/prisma/enums.ts";
import { ALL_UNITS_SCOPE } from "./apply-holidays.ts";
import { emptyCounts, type KindCounts, tally } from "./counts.ts";
import type { ExistingPeriod } from "./load-existing.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { dateColumn, inBatches, isoDate, type Tx } from "./transaction-client.ts";

interface PeriodData {
  name: string;
  kind: PeriodKind;
  startDate: Date;
  endDate: Date;
  ratingDeadline: Date;
  unitId: string | null;
}

export async function applyPeriods(
  tx: Tx,
  rows: readonly ParsedRow<"periode">[],
  stored: readonly ExistingPeriod[],
  unitByCode: ReadonlyMap<string, { id: string }>,
): Promise<KindCounts> {
  const counts = emptyCounts();
  const storedByKey = new Map(stored.map((period) => [`${period.code}|${period.scope}`, period]));
  const creates: (PeriodData & { id: string; code: string; scope: string })[] = [];
  const updates: { id: string; data: PeriodData }[] = [];
  for (const { record } of rows) {
    const unitId = record.unitCode === null ? null : unitByCode.get(record.unitCode)!.id;
    const scope = unitId ?? ALL_UNITS_SCOPE;
    const data: PeriodData = {
      name: record.name,
      kind: record.kind,
      startDate: dateColumn(record.startDate),
      endDate: dateColumn(record.endDate),
      ratingDeadline: dateColumn(record.ratingDeadline),
      unitId,
    };
    const before = storedByKey.get(`${record.code}|${scope}`);
    if (before === undefined) {
      creates.push({ id: randomUUID(), code: record.code, scope, ...data });
      tally(counts, "created");
    } else if (differs(before, data)) {
      updates.push({ id: before.id, data });
      tally(counts, "updated");
    } else {
      tally(counts, "unchanged");
    }
  }
  for (const batch of inBatches(creates)) await tx.evaluationPeriod.createMany({ data: batch });
  for (const { id, data } of updates) await tx.evaluationPeriod.update({ where: { id }, data });
  return counts;
}

function differs(before: ExistingPeriod, after: PeriodData): boolean {
  return (
    before.name !== after.name ||
    before.kind !== after.kind ||
    isoDate(before.startDate) !== isoDate(after.startDate) ||
    isoDate(before.endDate) !== isoDate(after.endDate) ||
    isoDate(before.ratingDeadline) !== isoDate(after.ratingDeadline) ||
    before.unitId !== after.unitId
  );
}
