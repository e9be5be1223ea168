/** Upserts units by `kode`, parents before children, writing only units that differ. */
import { randomUUID } from "node:crypto";
import { emptyCounts, type KindCounts, tally } from "./counts.ts";
import type { Existing } from "./load-existing.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { inBatches, type Tx } from "./transaction-client.ts";

export interface UnitsApplied {
  counts: KindCounts;
  /** Every unit after the import: code → id and IANA zone. */
  unitByCode: Map<string, { id: string; timeZone: string }>;
}

export async function applyUnits(
  tx: Tx,
  rows: readonly ParsedRow<"unit">[],
  existing: Existing,
): Promise<UnitsApplied> {
  const counts = emptyCounts();
  const unitByCode = new Map<string, { id: string; timeZone: string }>();
  for (const unit of existing.unitsByCode.values())
    unitByCode.set(unit.code, { id: unit.id, timeZone: unit.timeZone });
  for (const { record } of rows) {
    const id = existing.unitsByCode.get(record.code)?.id ?? randomUUID();
    unitByCode.set(record.code, { id, timeZone: record.timeZone });
  }
  const idOf = (code: string) => unitByCode.get(code)!.id;

  type UnitData = {
    id: string;
    name: string;
    parentId: string | null;
    timeZone: string;
    slackChannel: string | null;
  };
  const creates: (UnitData & { code: string })[] = [];
  const updates: UnitData[] = [];
  for (const { record } of rows) {
    const before = existing.unitsByCode.get(record.code);
    const parentId =
      record.parentCode === undefined
        ? (before?.parentId ?? null)
        : record.parentCode && idOf(record.parentCode);
    const slackChannel =
      record.slackChannel === undefined ? (before?.slackChannel ?? null) : record.slackChannel;
    const after = {
      id: idOf(record.code),
      name: record.name,
      parentId,
      timeZone: record.timeZone,
      slackChannel,
    };
    if (before === undefined) {
      creates.push({ ...after, code: record.code });
      tally(counts, "created");
    } else if (
      before.name !== after.name ||
      before.parentId !== after.parentId ||
      before.timeZone !== after.timeZone ||
      before.slackChannel !== after.slackChannel
    ) {
      updates.push(after);
      tally(counts, "updated");
    } else {
      tally(counts, "unchanged");
    }
  }

  for (const batch of inBatches(parentsFirst(creates))) await tx.unit.createMany({ data: batch });
  for (const { id, ...data } of updates) await tx.unit.update({ where: { id }, data });
  return { counts, unitByCode };
}

/** New units ordered so that a new parent is inserted before its children (the tree has no cycles). */
function parentsFirst<T extends { id: string; parentId: string | null }>(units: readonly T[]): T[] {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const placed = new Set<string>();
  const ordered: T[] = [];
  const place = (unit: T) => {
    const chain: T[] = [];
    for (let at: T | undefined = unit; at !== undefined && !placed.has(at.id); ) {
      chain.push(at);
      placed.add(at.id);
      at = at.parentId === null ? undefined : byId.get(at.parentId);
    }
    ordered.push(...chain.reverse());
  };
  for (const unit of units) place(unit);
  return ordered;
}
