/**
 * Upserts SKP rows: the Skp by person + year, the Rhk by Skp + kode_rhk, the Iki by Skp + kode_iki;
 * only what differs is written. A row counts as created when its IKI is new, updated when its IKI or
 * its RHK changed. Nothing is deleted: RHKs and IKIs absent from the file stay as they are.
 */
import { randomUUID } from "node:crypto";
import type { Aspect, RhkKind } from "../../generated/prisma/enums.ts";
import { emptyCounts, type KindCounts, tally } from "./counts.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { inBatches, type Tx } from "./transaction-client.ts";

interface RhkData {
  skpId: string;
  code: string;
  description: string;
  kind: RhkKind;
}

interface IkiData {
  skpId: string;
  rhkId: string;
  code: string;
  indicator: string;
  aspect: Aspect;
  target: string;
  unitLabel: string;
}

export async function applySkp(
  tx: Tx,
  rows: readonly ParsedRow<"skp">[],
  personIdByNip: ReadonlyMap<string, string>,
): Promise<KindCounts> {
  const counts = emptyCounts();
  if (rows.length === 0) return counts;
  const personIds = [...new Set(rows.map((row) => personIdByNip.get(row.record.nip)!))];
  const years = [...new Set(rows.map((row) => row.record.year))];
  const stored = [];
  for (const batch of inBatches(personIds)) {
    stored.push(
      ...(await tx.skp.findMany({
        where: { personId: { in: batch }, year: { in: years } },
        select: {
          id: true,
          personId: true,
          year: true,
          rhks: { select: { id: true, code: true, description: true, kind: true } },
          ikis: {
            select: {
              id: true,
              code: true,
              rhkId: true,
              indicator: true,
              aspect: true,
              target: true,
              unitLabel: true,
            },
          },
        },
      })),
    );
  }
  const skpByKey = new Map(stored.map((skp) => [`${skp.personId}|${skp.year}`, skp]));

  const newSkps: { id: string; personId: string; year: number }[] = [];
  const newSkpIdByKey = new Map<string, string>();
  const newRhks: (RhkData & { id: string })[] = [];
  const newIkis: (IkiData & { id: string })[] = [];
  const rhkUpdates = new Map<string, Pick<RhkData, "description" | "kind">>();
  const ikiUpdates: { id: string; data: Omit<IkiData, "skpId" | "code"> }[] = [];
  const rhkIdByKey = new Map<string, string>();
  const changedRhks = new Set<string>();

  for (const { record } of rows) {
    const personId = personIdByNip.get(record.nip)!;
    const skpKey = `${personId}|${record.year}`;
    const skp = skpByKey.get(skpKey);
    let skpId = skp?.id ?? newSkpIdByKey.get(skpKey);
    if (skpId === undefined) {
      skpId = randomUUID();
      newSkpIdByKey.set(skpKey, skpId);
      newSkps.push({ id: skpId, personId, year: record.year });
    }

    const rhkKey = `${skpKey}|${record.rhkCode}`;
    let rhkId = rhkIdByKey.get(rhkKey);
    if (rhkId === undefined) {
      const before = skp?.rhks.find((rhk) => rhk.code === record.rhkCode);
      rhkId = before?.id ?? randomUUID();
      rhkIdByKey.set(rhkKey, rhkId);
      const data = { description: record.rhkDescription, kind: record.rhkKind };
      if (before === undefined) {
        newRhks.push({ id: rhkId, skpId, code: record.rhkCode, ...data });
        changedRhks.add(rhkId);
      } else if (before.description !== data.description || before.kind !== data.kind) {
        rhkUpdates.set(rhkId, data);
        changedRhks.add(rhkId);
      }
    }

    const before = skp?.ikis.find((iki) => iki.code === record.ikiCode);
    const data = {
      rhkId,
      indicator: record.indicator,
      aspect: record.aspect,
      target: record.target,
      unitLabel: record.unitLabel,
    };
    if (before === undefined) {
      newIkis.push({ id: randomUUID(), skpId, code: record.ikiCode, ...data });
      tally(counts, "created");
      continue;
    }
    const ikiChanged =
      before.rhkId !== data.rhkId ||
      before.indicator !== data.indicator ||
      before.aspect !== data.aspect ||
      !before.target.equals(data.target) ||
      before.unitLabel !== data.unitLabel;
    if (ikiChanged) ikiUpdates.push({ id: before.id, data });
    tally(counts, ikiChanged || changedRhks.has(rhkId) ? "updated" : "unchanged");
  }

  for (const batch of inBatches(newSkps)) await tx.skp.createMany({ data: batch });
  for (const batch of inBatches(newRhks)) await tx.rhk.createMany({ data: batch });
  for (const [id, data] of rhkUpdates) await tx.rhk.update({ where: { id }, data });
  for (const batch of inBatches(newIkis)) await tx.iki.createMany({ data: batch });
  for (const { id, data } of ikiUpdates) await tx.iki.update({ where: { id }, data });
  return counts;
}
