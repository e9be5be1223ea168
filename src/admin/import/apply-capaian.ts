/** Upserts the capaian kinerja organisasi by unit + period code, writing only results that differ. */
import { randomUUID } from "node:crypto";
import type { OrganisationResult } from "../../generated/prisma/enums.ts";
import { emptyCounts, type KindCounts, tally } from "./counts.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { inBatches, type Tx } from "./transaction-client.ts";

export async function applyCapaian(
  tx: Tx,
  rows: readonly ParsedRow<"capaian_organisasi">[],
  unitByCode: ReadonlyMap<string, { id: string }>,
): Promise<KindCounts> {
  const counts = emptyCounts();
  if (rows.length === 0) return counts;
  const codes = [...new Set(rows.map((row) => row.record.periodCode))];
  const stored = [];
  for (const batch of inBatches(codes)) {
    stored.push(
      ...(await tx.organisationAchievement.findMany({
        where: { periodCode: { in: batch } },
        select: { id: true, unitId: true, periodCode: true, result: true },
      })),
    );
  }
  const storedByKey = new Map(stored.map((row) => [`${row.unitId}|${row.periodCode}`, row]));
  const creates: { id: string; unitId: string; periodCode: string; result: OrganisationResult }[] = [];
  const updates: { id: string; result: OrganisationResult }[] = [];
  for (const { record } of rows) {
    const unitId = unitByCode.get(record.unitCode)!.id;
    const before = storedByKey.get(`${unitId}|${record.periodCode}`);
    if (before === undefined) {
      creates.push({ id: randomUUID(), unitId, periodCode: record.periodCode, result: record.result });
      tally(counts, "created");
    } else if (before.result !== record.result) {
      updates.push({ id: before.id, result: record.result });
      tally(counts, "updated");
    } else {
      tally(counts, "unchanged");
    }
  }
  for (const batch of inBatches(creates)) await tx.organisationAchievement.createMany({ data: batch });
  for (const { id, result } of updates) {
    await tx.organisationAchievement.update({ where: { id }, data: { result } });
  }
  return counts;
}
