/**
 * Upserts the training catalogue (`pelatihan`) by kode, writing only trainings that differ. The rows of an
 * import are the whole catalogue: a stored training whose kode is missing is set inactive (never deleted:
 * requests and completions keep pointing at it, approved JP keep counting), and a kode listed again is
 * active again. An import without `pelatihan` rows leaves the catalogue alone.
 */
import { randomUUID } from "node:crypto";
import { emptyCounts, type KindCounts, tally } from "./counts.ts";
import type { ParsedRow } from "./parse-rows.ts";
import { inBatches, type Tx } from "./transaction-client.ts";

interface TrainingData {
  name: string;
  competency: string;
  /** canonical text, e.g. "2.5" */
  hours: string;
  organizer?: string | null;
  url?: string | null;
  active: boolean;
}

export async function applyTrainings(
  tx: Tx,
  rows: readonly ParsedRow<"pelatihan">[],
): Promise<{ counts: KindCounts; deactivated: number }> {
  const counts = emptyCounts();
  if (rows.length === 0) return { counts, deactivated: 0 };
  const stored = await tx.training.findMany({
    select: {
      id: true,
      code: true,
      name: true,
      competency: true,
      hours: true,
      organizer: true,
      url: true,
      active: true,
    },
  });
  const storedByCode = new Map(stored.map((t) => [t.code, t]));
  const creates: (TrainingData & { id: string; code: string })[] = [];
  const updates: { id: string; data: TrainingData }[] = [];
  for (const { record } of rows) {
    // An absent optional column keeps the stored value (undefined), an empty cell clears it (null).
    const data: TrainingData = {
      name: record.name,
      competency: record.competency,
      hours: record.hours,
      ...(record.organizer !== undefined ? { organizer: record.organizer } : {}),
      ...(record.url !== undefined ? { url: record.url } : {}),
      active: true,
    };
    const before = storedByCode.get(record.code);
    if (before === undefined) {
      creates.push({ id: randomUUID(), code: record.code, ...data });
      tally(counts, "created");
      continue;
    }
    const differs =
      before.name !== data.name ||
      before.competency !== data.competency ||
      !before.hours.equals(data.hours) ||
      (data.organizer !== undefined && before.organizer !== data.organizer) ||
      (data.url !== undefined && before.url !== data.url) ||
      !before.active;
    if (differs) {
      updates.push({ id: before.id, data });
      tally(counts, "updated");
    } else {
      tally(counts, "unchanged");
    }
  }
  for (const batch of inBatches(creates)) await tx.training.createMany({ data: batch });
  for (const { id, data } of updates) await tx.training.update({ where: { id }, data });
  const listed = new Set(rows.map((row) => row.record.code));
  const missing = stored.filter((t) => t.active && !listed.has(t.code)).map((t) => t.id);
  for (const batch of inBatches(missing)) {
    await tx.training.updateMany({ where: { id: { in: batch } }, data: { active: false } });
  }
  return { counts, deactivated: missing.length };
}
