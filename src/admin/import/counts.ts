/** What an import did, per kind, and its one-paragraph summary for the admin. */
import type { ImportKind } from "./kinds.ts";

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportCounts {
  unit: KindCounts;
  pegawai: KindCounts;
  skp: KindCounts;
  libur: KindCounts;
  periode: KindCounts;
  capaian_organisasi: KindCounts;
  pelatihan: KindCounts;
  /** Catalogue trainings missing from an import that listed trainings: set inactive, never deleted. */
  pelatihanDeactivated: number;
  /** Supervisor relations opened (new current supervisor) and closed (previous one ended or removed). */
  atasan: { opened: number; closed: number };
}

export function emptyCounts(): KindCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

export function tally(counts: KindCounts, outcome: "created" | "updated" | "unchanged"): void {
  counts[outcome] += 1;
}

const KIND_ORDER: readonly ImportKind[] = [
  "unit",
  "pegawai",
  "skp",
  "libur",
  "periode",
  "capaian_organisasi",
  "pelatihan",
];

/**
 * E.g.
 * ```
 * Impor selesai (2 berkas):
 *   unit: 2 dibuat, 0 diperbarui, 1 tidak berubah
 *   pegawai: 10 dibuat, 1 diperbarui, 0 tidak berubah (atasan: 1 dibuka, 1 ditutup)
 * ```
 */
export function formatSummary(counts: ImportCounts, fileCount: number): string {
  const lines = [`Impor selesai (${fileCount} berkas):`];
  for (const kind of KIND_ORDER) {
    const { created, updated, unchanged } = counts[kind];
    if (created + updated + unchanged === 0) continue;
    let line = `  ${kind}: ${created} dibuat, ${updated} diperbarui, ${unchanged} tidak berubah`;
    if (kind === "pegawai" && counts.atasan.opened + counts.atasan.closed > 0) {
      line += ` (atasan: ${counts.atasan.opened} dibuka, ${counts.atasan.closed} ditutup)`;
    }
    if (kind === "pelatihan" && counts.pelatihanDeactivated > 0) {
      line += ` (${counts.pelatihanDeactivated} tidak ada di berkas: dinonaktifkan)`;
    }
    lines.push(line);
  }
  if (lines.length === 1) lines.push("  tidak ada baris data");
  return lines.join("\n");
}
