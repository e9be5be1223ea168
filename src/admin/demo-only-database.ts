import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { DEMO_FILES } from "./seed-demo.ts";

/** The simulator lets anyone who opens it act as anyone: it runs only on the demo organisation's data. */
export class SimulatorRefused extends Error {
  constructor(readonly foreignPeople: number) {
    super(
      [
        `The simulator refuses to start: the database holds ${foreignPeople} ${foreignPeople === 1 ? "person" : "people"} outside the demo organisation.`,
        "The simulator lets anyone who opens it act as any person in the database, so it never runs on real data.",
        "To proceed, either:",
        "  - set TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN (with their secrets) to run against the real platforms, or",
        "  - point DATABASE_URL at an empty database (the demo organisation is imported) or one holding only the demo organisation.",
      ].join("\n"),
    );
    this.name = "SimulatorRefused";
  }
}

/** The NIPs of the demo organisation (prisma/seed/demo/pegawai.csv). */
export async function demoNips(): Promise<string[]> {
  const file = DEMO_FILES.find((f) => f.endsWith("pegawai.csv"));
  if (!file) throw new Error("the demo pegawai.csv is missing");
  const rows = parse(await readFile(file, "utf8"), { columns: true, skip_empty_lines: true }) as {
    nip?: string;
  }[];
  return rows.flatMap((row) => (row.nip ? [row.nip.trim()] : []));
}

/** Throws SimulatorRefused when anyone but the demo people is in the database. */
export async function assertDemoOnlyDatabase(db: Db): Promise<void> {
  const foreign = await db.person.count({ where: { nip: { notIn: await demoNips() } } });
  if (foreign > 0) throw new SimulatorRefused(foreign);
}

/**
 * The simulator's start check. A database that does not answer yet is not fatal (the process starts, not
 * ready, as without the simulator); a database with other people is.
 */
export async function guardSimulatorDatabase(db: Db, logger: Logger): Promise<void> {
  try {
    await assertDemoOnlyDatabase(db);
  } catch (error) {
    if (error instanceof SimulatorRefused) throw error;
    logger.warn(
      { err: error },
      "could not check that the simulator's database holds only the demo organisation",
    );
  }
}
