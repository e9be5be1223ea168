import { join } from "node:path";
import type { Db } from "../db/client.ts";
import { importDemoPeriod } from "./demo-period.ts";
import type { AdminIo } from "./io.ts";

/** The demo organisation (Kecamatan Andir, Kota Bandung, WIB) lives as import files, so the seed uses the admin import. */
export const DEMO_FILES = ["unit.csv", "pegawai.csv", "skp.csv"].map((f) =>
  join(import.meta.dirname, "../../prisma/seed/demo", f),
);

/**
 * Imports the demo organisation and its evaluation period that ended yesterday (WIB), in one import;
 * running it again the same day changes nothing, on a later day it adds that day's period.
 */
export async function seedDemo({ db, io, now }: { db: Db; io: AdminIo; now: Date }): Promise<number> {
  const { period, result } = await importDemoPeriod(db, now, DEMO_FILES);
  if (!result.ok) {
    for (const line of result.errors) io.err.write(`${line}\n`);
    return 1;
  }
  io.out.write(
    [
      "Demo organisation ready (Kecamatan Andir, Kota Bandung).",
      `Evaluation period ${period.code} (${period.name}, ${period.startDate}..${period.endDate}): rating open, capaian organisasi baik.`,
      result.summary,
      "",
    ].join("\n"),
  );
  return 0;
}
