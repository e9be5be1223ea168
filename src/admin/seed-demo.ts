import { join } from "node:path";
import type { Db } from "../db/client.ts";
import { importFiles } from "./import/import-files.ts";
import type { AdminIo } from "./io.ts";

/** The demo organisation (Kecamatan Andir, Kota Bandung, WIB) lives as import files, so the seed uses the admin import. */
export const DEMO_FILES = ["unit.csv", "pegawai.csv", "skp.csv"].map((f) =>
  join(import.meta.dirname, "../../prisma/seed/demo", f),
);

/** Imports the demo organisation; running it again changes nothing. */
export async function seedDemo({ db, io, now }: { db: Db; io: AdminIo; now: Date }): Promise<number> {
  const result = await importFiles(db, DEMO_FILES, { now });
  if (!result.ok) {
    for (const line of result.errors) io.err.write(`${line}\n`);
    return 1;
  }
  io.out.write(`Demo organisation ready (Kecamatan Andir, Kota Bandung).\n${result.summary}\n`);
  return 0;
}
