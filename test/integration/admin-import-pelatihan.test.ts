import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ImportResult, importFiles } from "../../src/admin/import/import-files.ts";
import type { Db } from "../../src/db/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/import");
const VALID = join(FIXTURES, "valid", "pelatihan.csv");
const INVALID = join(FIXTURES, "invalid", "pelatihan.csv");
const NOW = new Date("2026-03-02T03:00:00Z");
const HEADER = "kode,nama,kompetensi,jp,penyelenggara,tautan";

let database: TestDatabase;
let db: Db;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  dir = await mkdtemp(join(tmpdir(), "import-pelatihan-"));
});
afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "training" CASCADE`);
});

const run = (paths: string[]): Promise<ImportResult> => importFiles(db, paths, { now: NOW });
async function ok(paths: string[]) {
  const result = await run(paths);
  if (!result.ok) throw new Error(`import failed:\n${result.errors.join("\n")}`);
  return result;
}
async function csv(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}
const catalogue = async () =>
  (await db.training.findMany({ orderBy: { code: "asc" } })).map((t) => ({
    code: t.code,
    name: t.name,
    competency: t.competency,
    hours: t.hours.toString(),
    organizer: t.organizer,
    url: t.url,
    active: t.active,
  }));

describe("admin import: pelatihan (the training catalogue)", () => {
  it("recognises the file by its header and stores values by name, JP with a comma or a point", async () => {
    const result = await ok([VALID]);
    expect(result.counts.pelatihan).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(result.summary).toContain("pelatihan: 3 dibuat, 0 diperbarui, 0 tidak berubah");
    expect(await catalogue()).toEqual([
      {
        code: "PLT-ADU-01",
        name: "Penanganan Pengaduan Warga",
        competency: "pengaduan warga",
        hours: "4.5",
        organizer: "LAN",
        url: null,
        active: true,
      },
      {
        code: "PLT-BP-01",
        name: "Pelayanan Prima",
        competency: "BERORIENTASI_PELAYANAN",
        hours: "12.5",
        organizer: null,
        url: null,
        active: true,
      },
      {
        code: "PLT-KOL-01",
        name: "Kolaborasi Lintas Unit",
        competency: "KOLABORATIF",
        hours: "8",
        organizer: "BPSDM Jawa Barat",
        url: "https://bpsdm.example.go.id/kolaborasi",
        active: true,
      },
    ]);
  });

  it("changes nothing, not even updatedAt, when the same file is imported again", async () => {
    await ok([VALID]);
    const before = await db.training.findMany({ orderBy: { code: "asc" } });
    const again = await ok([VALID]);
    expect(again.counts.pelatihan).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await db.training.findMany({ orderBy: { code: "asc" } })).toEqual(before);
  });

  it("updates a code imported again, sets a code missing from the file inactive, and reactivates it later", async () => {
    await ok([VALID]);
    const next = await csv("next.csv", [
      HEADER,
      "PLT-KOL-01,Kolaborasi Lintas Unit,Kolaboratif,10,BPSDM Jawa Barat,https://bpsdm.example.go.id/kolaborasi",
      "PLT-BP-01,Pelayanan Prima,Berorientasi Pelayanan,12.50,,",
    ]);
    const result = await ok([next]);
    expect(result.counts.pelatihan).toEqual({ created: 0, updated: 1, unchanged: 1 });
    expect(result.counts.pelatihanDeactivated).toBe(1);
    expect(result.summary).toContain("(1 tidak ada di berkas: dinonaktifkan)");
    const after = await catalogue();
    expect(after.map((t) => [t.code, t.hours, t.active])).toEqual([
      ["PLT-ADU-01", "4.5", false],
      ["PLT-BP-01", "12.5", true],
      ["PLT-KOL-01", "10", true],
    ]);
    const back = await ok([VALID]);
    expect(back.counts.pelatihan).toEqual({ created: 0, updated: 2, unchanged: 1 });
    expect((await catalogue()).every((t) => t.active)).toBe(true);
  });

  it("keeps penyelenggara and tautan when their columns are left out of the header", async () => {
    await ok([VALID]);
    const short = await csv("short.csv", [
      "kode,nama,kompetensi,jp",
      "PLT-KOL-01,Kolaborasi Lintas Unit,kolaboratif,8",
      "PLT-BP-01,Pelayanan Prima,berorientasi pelayanan,12.5",
      "PLT-ADU-01,Penanganan Pengaduan Warga,pengaduan warga,4.5",
    ]);
    expect((await ok([short])).counts.pelatihan).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect((await catalogue()).find((t) => t.code === "PLT-KOL-01")?.organizer).toBe("BPSDM Jawa Barat");
  });

  it("reads an XLSX sheet named pelatihan", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("pelatihan");
    sheet.addRow(HEADER.split(","));
    sheet.addRow(["PLT-X", "Adaptasi Digital", "ADAPTIF", 2.5, "", ""]);
    const path = join(dir, "katalog.xlsx");
    await workbook.xlsx.writeFile(path);
    await ok([path]);
    expect((await catalogue()).map((t) => [t.code, t.competency, t.hours])).toEqual([
      ["PLT-X", "ADAPTIF", "2.5"],
    ]);
  });

  it("reports every bad row as file:line: column: reason and saves nothing", async () => {
    await ok([VALID]);
    const before = await db.training.findMany({ orderBy: { code: "asc" } });
    const result = await run([INVALID]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      `${INVALID}:2: kode: hanya huruf, angka, titik, garis bawah dan tanda hubung, mis. PLT-2026-01`,
      `${INVALID}:3: jp: harus lebih besar dari 0`,
      `${INVALID}:4: jp: paling banyak 1 angka di belakang koma, mis. 2,5`,
      `${INVALID}:5: jp: harus angka positif, mis. 8 atau 2,5`,
      `${INVALID}:6: kompetensi: harus nilai BerAKHLAK (mis. Kolaboratif) atau kata yang dapat dicocokkan dengan indikator IKI (paling sedikit 4 huruf, mis. pengaduan)`,
      `${INVALID}:7: tautan: harus tautan http(s), mis. https://bpsdm.example.go.id/kelas`,
      `${INVALID}:8: nama: wajib diisi`,
      `${INVALID}:9: kode: duplikat: kode pelatihan ini sudah ada di baris 3`,
      `${INVALID}:10: jp: harus angka positif, mis. 8 atau 2,5`,
    ]);
    // Nothing half-saved, and nothing set inactive by a rejected import.
    expect(await db.training.findMany({ orderBy: { code: "asc" } })).toEqual(before);
  });
});
