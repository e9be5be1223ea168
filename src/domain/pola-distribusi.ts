import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Predikat } from "./predikat.ts";

/** Capaian kinerja organisasi: the unit's own result for a period. */
export type OrganisationResult = "ISTIMEWA" | "BAIK" | "BUTUH_PERBAIKAN" | "KURANG" | "SANGAT_KURANG";

export const ORGANISATION_RESULTS: readonly OrganisationResult[] = [
  "ISTIMEWA",
  "BAIK",
  "BUTUH_PERBAIKAN",
  "KURANG",
  "SANGAT_KURANG",
];

const PREDIKAT = z.enum(["SANGAT_BAIK", "BAIK", "BUTUH_PERBAIKAN", "KURANG_MISCONDUCT", "SANGAT_KURANG"]);

/** One rule of a pola: the share (or count) of the unit's rated staff whose predikat is one of `predikat`. */
const ruleSchema = z
  .object({
    predikat: z.array(PREDIKAT).min(1),
    minPercent: z.number().min(0).max(100).optional(),
    maxPercent: z.number().min(0).max(100).optional(),
    minCount: z.number().int().min(1).optional(),
  })
  .refine((r) => r.minPercent !== undefined || r.maxPercent !== undefined || r.minCount !== undefined, {
    message: "a rule needs minPercent, maxPercent or minCount",
  });

export const polaFileSchema = z.object({
  source: z.string().min(1),
  rules: z.partialRecord(
    z.enum(ORGANISATION_RESULTS as [OrganisationResult, ...OrganisationResult[]]),
    z.array(ruleSchema),
  ),
});

export type PolaRule = z.infer<typeof ruleSchema>;
export type PolaDistribusi = z.infer<typeof polaFileSchema>;

export const DEFAULT_POLA_FILE = join(import.meta.dirname, "../../prisma/data/pola-distribusi.json");

/** Reads and validates a pola distribusi file (the shipped one unless `POLA_DISTRIBUSI_FILE` names another). */
export function loadPolaDistribusi(file: string = DEFAULT_POLA_FILE): PolaDistribusi {
  return polaFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** A rule the predikat given so far do not meet. */
export interface DistributionWarning {
  rule: PolaRule;
  /** staff of the unit whose predikat is one of the rule's */
  count: number;
  /** staff rated */
  rated: number;
}

/**
 * The rules of `result`'s pola that the unit's predikat break. Maximum shares are checked as soon as
 * anyone is rated; minimum shares and counts only once all `total` staff are rated (before that the
 * missing ones may still meet them). Warnings, never a block: the rules are reported second-hand.
 */
export function distributionWarnings(
  pola: PolaDistribusi,
  result: OrganisationResult,
  predikats: readonly Predikat[],
  total: number,
): DistributionWarning[] {
  const rated = predikats.length;
  if (rated === 0) return [];
  const complete = rated >= total;
  const warnings: DistributionWarning[] = [];
  for (const rule of pola.rules[result] ?? []) {
    const count = predikats.filter((p) => rule.predikat.includes(p)).length;
    const percent = (count * 100) / rated;
    const over = rule.maxPercent !== undefined && percent > rule.maxPercent;
    const under =
      complete &&
      ((rule.minPercent !== undefined && percent < rule.minPercent) ||
        (rule.minCount !== undefined && count < rule.minCount));
    if (over || under) warnings.push({ rule, count, rated });
  }
  return warnings;
}

/** The unit head's rating hasil kerja follows the unit's capaian (istimewa → DI_ATAS, baik → SESUAI, lower → DI_BAWAH). */
export function headHasilKerja(result: OrganisationResult): "DI_ATAS" | "SESUAI" | "DI_BAWAH" {
  if (result === "ISTIMEWA") return "DI_ATAS";
  return result === "BAIK" ? "SESUAI" : "DI_BAWAH";
}
