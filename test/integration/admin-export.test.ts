import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_COLUMNS, runExport } from "../../src/admin/export-command.ts";
import { EXPORT_LINK_TTL_DAYS, exportEvidenceLinks } from "../../src/admin/export-evidence-links.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import type { EvidenceLinks } from "../../src/conversation/review-message.ts";
import { startEvidenceLinkSecret } from "../../src/evidence/link-secret.ts";
import { createSignedEvidenceLinks } from "../../src/evidence/signed-links.ts";
import { registerEvidenceRoute } from "../../src/http/evidence-route.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/import/valid");
const NOW = new Date("2026-04-02T03:00:00Z");
const BASE_URL = "https://kinerja.pemkot.go.id";
const DAY_MS = 24 * 3600 * 1000;
const NIP_SITI = "199001012015032002";
const NIP_BUDI = "198503152010011001";
const NIP_MADE = "199205202019021003";

let database: TestDatabase;
let dir: string;
let links: EvidenceLinks;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), "admin-export-"));
  const { db } = database;
  const files = ["unit", "pegawai", "skp"].map((kind) => join(FIXTURES, `${kind}.csv`));
  const imported = await importFiles(db, files, { now: new Date("2026-03-02T03:00:00Z") });
  if (!imported.ok) throw new Error(imported.errors.join("\n"));
  const siti = await db.person.findUniqueOrThrow({ where: { nip: NIP_SITI } });
  const made = await db.person.findUniqueOrThrow({ where: { nip: NIP_MADE } });
  const iki = await db.iki.findFirstOrThrow({ where: { code: "IKI-1.1", skp: { personId: siti.id } } });
  const activity = (data: {
    personId: string;
    date: string;
    description: string;
    ikiId?: string;
    quantity: number;
    unitLabel: string;
    minutes: number;
    startMinute?: number;
    endMinute?: number;
    status: "DIAJUKAN" | "DISETUJUI" | "REVISI" | "DITOLAK";
  }) =>
    db.activity.create({
      data: { ...data, date: new Date(data.date), submittedAt: new Date(`${data.date}T09:00:00Z`) },
    });
  const served = await activity({
    personId: siti.id,
    date: "2026-03-03",
    description: "Melayani pasien rawat jalan",
    ikiId: iki.id,
    quantity: 12,
    unitLabel: "pasien",
    minutes: 150,
    startMinute: 8 * 60,
    endMinute: 10 * 60 + 30,
    status: "DISETUJUI",
  });
  const photo = await db.evidence.create({
    data: {
      activityId: served.id,
      kind: "PHOTO",
      platform: "TELEGRAM",
      fileId: "tg-photo-1",
      createdAt: new Date("2026-03-03T09:00:00Z"),
    },
  });
  ids.photo = photo.id;
  await db.evidence.create({
    data: {
      activityId: served.id,
      kind: "LINK",
      url: "https://drive.google.com/file/d/abc123/view",
      createdAt: new Date("2026-03-03T09:00:01Z"),
    },
  });
  const other = await activity({
    personId: siti.id,
    date: "2026-03-04",
    description: "Rapat koordinasi puskesmas",
    quantity: 1,
    unitLabel: "kegiatan",
    minutes: 60,
    status: "DIAJUKAN",
  });
  const document = await db.evidence.create({
    data: {
      activityId: other.id,
      kind: "DOCUMENT",
      platform: "TELEGRAM",
      fileId: "tg-doc-1",
      fileName: "notulen.pdf",
      mimeType: "application/pdf",
    },
  });
  ids.document = document.id;
  await activity({
    personId: siti.id,
    date: "2026-04-01",
    description: "Di bulan berikutnya",
    quantity: 1,
    unitLabel: "pasien",
    minutes: 30,
    status: "DISETUJUI",
  });
  await activity({
    personId: made.id,
    date: "2026-03-31",
    description: "Melayani surat pengantar",
    quantity: 4,
    unitLabel: "dokumen",
    minutes: 90,
    status: "REVISI",
  });
  links = await exportEvidenceLinks(db, { evidenceLinkSecret: undefined, baseUrl: BASE_URL }, NOW);
});

afterAll(async () => {
  await database?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function exportTo(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => err.push(t) } };
  const code = await runExport({ db: database.db, io, links }, args);
  return { code, out: out.join(""), err: err.join("") };
}

async function csvRows(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(file, "utf8"), { columns: true });
}

const signedLink = (evidenceId: string) =>
  new RegExp(`^${BASE_URL.replaceAll(".", "\\.")}/evidence/${evidenceId}\\?exp=(\\d+)&sig=([\\w-]+)$`);

describe("admin export: the month's activities in the e-Kinerja Progres Harian layout", () => {
  it("writes the Progres Harian fields in the form's order, then minutes, status and supervisor", async () => {
    const file = join(dir, "maret.csv");
    const result = await exportTo(["--month", "2026-03", "--format", "csv", "--out", file]);
    expect(result).toMatchObject({ code: 0, out: `3 activities of 2026-03 written to ${file}\n` });
    const text = await readFile(file, "utf8");
    expect(text.split("\n")[0]).toBe(
      "nip,nama,rencana_aksi,tanggal_kegiatan,jam_mulai,jam_selesai,kegiatan_harian,realisasi,satuan," +
        "bukti_dukung,menit,status,atasan_nip,atasan_nama",
    );
    expect(text.split("\n")[0]).toBe(EXPORT_COLUMNS.join(","));
    const rows = await csvRows(file);
    const [photoLink, driveLink] = rows[0]!.bukti_dukung!.split(" ");
    expect(rows).toEqual([
      {
        nip: NIP_SITI,
        nama: "Siti Rahma",
        rencana_aksi: "Terlaksananya pelayanan keperawatan — Jumlah pasien yang dilayani",
        tanggal_kegiatan: "2026-03-03",
        jam_mulai: "08:00",
        jam_selesai: "10:30",
        kegiatan_harian: "Melayani pasien rawat jalan",
        realisasi: "12",
        satuan: "pasien",
        bukti_dukung: `${photoLink} https://drive.google.com/file/d/abc123/view`,
        menit: "150",
        status: "DISETUJUI",
        atasan_nip: NIP_BUDI,
        atasan_nama: "Budi Santoso",
      },
      {
        nip: NIP_SITI,
        nama: "Siti Rahma",
        rencana_aksi: "Tugas lain",
        tanggal_kegiatan: "2026-03-04",
        // Only a duration was given: no clock times are made up.
        jam_mulai: "",
        jam_selesai: "",
        kegiatan_harian: "Rapat koordinasi puskesmas",
        realisasi: "1",
        satuan: "kegiatan",
        bukti_dukung: expect.stringMatching(signedLink(ids.document!)),
        menit: "60",
        status: "DIAJUKAN",
        atasan_nip: NIP_BUDI,
        atasan_nama: "Budi Santoso",
      },
      {
        nip: NIP_MADE,
        nama: "Made Ayu",
        rencana_aksi: "Tugas lain",
        tanggal_kegiatan: "2026-03-31",
        jam_mulai: "",
        jam_selesai: "",
        kegiatan_harian: "Melayani surat pengantar",
        realisasi: "4",
        satuan: "dokumen",
        bukti_dukung: "",
        menit: "90",
        status: "REVISI",
        atasan_nip: "",
        atasan_nama: "",
      },
    ]);
    expect(driveLink).toBe("https://drive.google.com/file/d/abc123/view");
    const [, exp] = signedLink(ids.photo!).exec(photoLink!)!;
    expect(Number(exp)).toBe(Math.floor((NOW.getTime() + EXPORT_LINK_TTL_DAYS * DAY_MS) / 1000));
    expect(text).not.toContain("lampiran");
    expect(text).not.toContain("tg-photo-1");
  });

  it("gives photo and document links that the evidence route serves for a year, and no longer", async () => {
    const file = join(dir, "maret-tautan.csv");
    await exportTo(["--month", "2026-03", "--format", "csv", "--out", file]);
    const photoLink = (await csvRows(file))[0]!.bukti_dukung!.split(" ")[0]!;
    let now = new Date(NOW.getTime() + 364 * DAY_MS);
    // The web role's key, loaded as the app loads it: the one the export signed with.
    const secret = await startEvidenceLinkSecret(database.db, undefined, createLogger("silent"));
    const app = Fastify();
    try {
      registerEvidenceRoute(app, {
        db: database.db,
        links: createSignedEvidenceLinks({ secret: secret.current, baseUrl: BASE_URL, clock: () => now }),
        fetchers: {
          TELEGRAM: {
            fetch: async (fileId) => ({
              bytes: Buffer.from(`bytes of ${fileId}`),
              contentType: "image/jpeg",
            }),
          },
        },
        clock: () => now,
      });
      const path = photoLink.slice(BASE_URL.length);
      const served = await app.inject({ method: "GET", url: path });
      expect([served.statusCode, served.headers["content-type"], served.body]).toEqual([
        200,
        "image/jpeg",
        "bytes of tg-photo-1",
      ]);
      now = new Date(NOW.getTime() + 366 * DAY_MS);
      expect((await app.inject({ method: "GET", url: path })).statusCode).toBe(403);
    } finally {
      secret.stop();
      await app.close();
    }
  });

  it("writes the same rows as XLSX, NIPs as text and a single piece of evidence as a hyperlink", async () => {
    const file = join(dir, "maret.xlsx");
    expect((await exportTo(["--month", "2026-03", "--format", "xlsx", "--out", file])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet("progres_harian")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMNS]);
    expect(sheet.rowCount).toBe(4);
    const column = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]) + 1;
    expect(sheet.getRow(2).getCell(column("nip")).value).toBe(NIP_SITI);
    expect(sheet.getRow(2).getCell(column("realisasi")).value).toBe(12);
    const documentCell = sheet.getRow(3).getCell(column("bukti_dukung")).value as {
      text: string;
      hyperlink: string;
    };
    expect(documentCell.text).toMatch(signedLink(ids.document!));
    expect(documentCell.hyperlink).toBe(documentCell.text);
  });

  it("keeps to the unit and the units below it", async () => {
    const file = join(dir, "dinkes.csv");
    const result = await exportTo([
      "--month",
      "2026-03",
      "--unit",
      "DINKES",
      "--format",
      "csv",
      "--out",
      file,
    ]);
    expect(result.code).toBe(0);
    expect((await csvRows(file)).map((r) => [r.nip, r.tanggal_kegiatan])).toEqual([
      [NIP_SITI, "2026-03-03"],
      [NIP_SITI, "2026-03-04"],
    ]);
  });

  it("refuses an unknown unit (exit 1) and wrong usage (exit 2)", async () => {
    const file = join(dir, "x.csv");
    expect(
      await exportTo(["--month", "2026-03", "--unit", "NOPE", "--format", "csv", "--out", file]),
    ).toEqual({
      code: 1,
      out: "",
      err: "export: --unit NOPE: no such unit\n",
    });
    expect(await exportTo(["--month", "2026-13", "--format", "pdf", "--out", file])).toEqual({
      code: 2,
      out: "",
      err: "export: --month must be YYYY-MM\nexport: --format must be csv or xlsx\n",
    });
  });
});
