import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** The optional `slack_channel` column of the unit import: where the monthly recognition is announced. */
let database: TestDatabase;
let dir: string;
const NOW = new Date("2026-11-02T03:00:00Z");

async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

const channels = async () =>
  Object.fromEntries(
    (await database.db.unit.findMany({ select: { code: true, slackChannel: true } })).map((u) => [
      u.code,
      u.slackChannel,
    ]),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "kinerja-unit-channel-"));
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("the unit import's slack_channel", () => {
  it("sets a channel id, leaves an empty cell without one", async () => {
    const file = await csv("unit.csv", [
      "kode,nama,induk_kode,zona_waktu,slack_channel",
      "A,Unit A,,WIB,C0123ABCD",
      "B,Unit B,A,WITA,",
    ]);
    const result = await importFiles(database.db, [file], { now: NOW });
    expect(result.ok).toBe(true);
    expect(await channels()).toEqual({ A: "C0123ABCD", B: null });
  });

  it("keeps the channel when a later file has no such column, clears it with an empty cell", async () => {
    const without = await csv("unit-tanpa.csv", ["kode,nama,induk_kode,zona_waktu", "A,Unit A baru,,WIB"]);
    expect((await importFiles(database.db, [without], { now: NOW })).ok).toBe(true);
    expect(await channels()).toEqual({ A: "C0123ABCD", B: null });
    const cleared = await csv("unit-kosong.csv", [
      "kode,nama,induk_kode,zona_waktu,slack_channel",
      "A,Unit A,,WIB,",
    ]);
    const result = await importFiles(database.db, [cleared], { now: NOW });
    expect(result.ok && result.counts.unit).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await channels()).toEqual({ A: null, B: null });
  });

  it("refuses a channel name instead of its id, saving nothing", async () => {
    const file = await csv("unit-nama.csv", [
      "kode,nama,induk_kode,zona_waktu,slack_channel",
      "A,Unit A,,WIB,#umum",
    ]);
    expect(await importFiles(database.db, [file], { now: NOW })).toEqual({
      ok: false,
      errors: [
        `${file}:2: slack_channel: harus ID kanal Slack, mis. C0123ABCD (Salin tautan kanal: bagian terakhirnya), bukan #nama`,
      ],
    });
    expect(await channels()).toEqual({ A: null, B: null });
  });
});
