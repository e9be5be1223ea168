import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/admin/seed-demo.ts";
import { parseNip } from "../../src/domain/nip.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const io = () => {
  const out: string[] = [];
  return {
    out,
    io: { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => out.push(t) } },
  };
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("seed-demo", () => {
  it("creates a kecamatan with a camat, two section heads and six staff with SKP indicators", async () => {
    const { io: sink } = io();
    expect(await seedDemo({ db: database.db, io: sink, now: new Date("2026-11-24T03:00:00Z") })).toBe(0);
    const { db } = database;
    const camat = await db.person.findFirstOrThrow({
      where: { position: "Camat Andir" },
      include: { subordinates: { include: { person: { include: { subordinates: true } } } } },
    });
    expect(camat.subordinates).toHaveLength(2);
    expect(camat.subordinates.map((s) => s.person.subordinates.length).sort()).toEqual([3, 3]);
    expect(await db.person.count()).toBe(9);
    for (const person of await db.person.findMany()) expect(parseNip(person.nip).ok).toBe(true);
    expect(await db.person.count({ where: { nipKind: "PPPK" } })).toBe(2);
    const ikis = await db.iki.findMany({ select: { indicator: true, unitLabel: true } });
    expect(ikis.length).toBeGreaterThanOrEqual(18);
    expect(ikis.map((i) => i.indicator)).toEqual(
      expect.arrayContaining([
        "Waktu rata-rata tanggapan pertama atas pengaduan warga",
        "Dokumen administrasi kependudukan yang diproses",
        "Indeks kepuasan masyarakat atas layanan kecamatan",
      ]),
    );
    const units = await db.unit.findMany();
    expect(units.every((u) => u.timeZone === "Asia/Jakarta")).toBe(true);
  });

  it("changes nothing when run again", async () => {
    const snapshot = async () =>
      JSON.stringify([
        await database.db.person.findMany({ orderBy: { nip: "asc" } }),
        await database.db.iki.findMany({ orderBy: { id: "asc" } }),
        await database.db.supervisorRelation.findMany({ orderBy: { id: "asc" } }),
      ]);
    const before = await snapshot();
    const { out, io: sink } = io();
    expect(await seedDemo({ db: database.db, io: sink, now: new Date("2026-11-25T03:00:00Z") })).toBe(0);
    expect(await snapshot()).toBe(before);
    expect(out.join("")).toContain("0 dibuat");
  });
});
