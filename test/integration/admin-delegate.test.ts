import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDelegate } from "../../src/admin/delegate-command.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { canSupervise } from "../../src/services/review.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const now = new Date("2026-11-24T03:00:00Z");
const RINA = "198008172005012003";
const DEDI = "197911042006041001";
const SITI = "199002142015032001";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => err.push(t) } };
  const code = await runDelegate({ db: database.db, io, now }, args);
  return { code, out: out.join(""), err: err.join("") };
}

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await importFiles(database.db, DEMO_FILES, { now });
  if (!seeded.ok) throw new Error(seeded.errors.join("\n"));
});
afterAll(async () => {
  await database.drop();
});

describe("admin delegate", () => {
  it("hands a supervisor's team to another person for the dates given, inclusive", async () => {
    const [dedi, siti] = await Promise.all([
      database.db.person.findUniqueOrThrow({ where: { nip: DEDI } }),
      database.db.person.findUniqueOrThrow({ where: { nip: SITI } }),
    ]);
    expect(await canSupervise(database.db, dedi.id, siti.id, "2026-11-25")).toBe(false);
    const result = await run([
      "--from",
      RINA,
      "--to",
      `'${DEDI.slice(0, 8)} ${DEDI.slice(8)}`,
      "--start",
      "2026-11-25",
      "--end",
      "2026-11-27",
      "--reason",
      "Cuti tahunan",
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("goes to Dedi Kurniawan, S.IP. from 2026-11-25 to 2026-11-27");
    expect(await canSupervise(database.db, dedi.id, siti.id, "2026-11-24")).toBe(false);
    expect(await canSupervise(database.db, dedi.id, siti.id, "2026-11-25")).toBe(true);
    expect(await canSupervise(database.db, dedi.id, siti.id, "2026-11-27")).toBe(true);
    expect(await canSupervise(database.db, dedi.id, siti.id, "2026-11-28")).toBe(false);
    expect(await database.db.auditLog.count({ where: { action: "delegation.created" } })).toBe(1);
  });

  it("refuses wrong input and writes nothing", async () => {
    const before = await database.db.delegation.count();
    expect(
      (await run(["--from", RINA, "--to", DEDI, "--start", "2026-11-27", "--end", "2026-11-25"])).code,
    ).toBe(2);
    expect(
      (await run(["--from", RINA, "--to", RINA, "--start", "2026-11-25", "--end", "2026-11-25"])).err,
    ).toContain("same person");
    const unknown = await run([
      "--from",
      "198001012005011001",
      "--to",
      DEDI,
      "--start",
      "2026-11-25",
      "--end",
      "2026-11-25",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("no active person");
    expect((await run(["--to", DEDI])).code).toBe(2);
    expect(await database.db.delegation.count()).toBe(before);
  });
});
