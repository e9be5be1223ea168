import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COMMENTS_SHEET,
  RECAP_SHEET,
  runExportSurvei,
  SURVEI_COLUMNS,
} from "../../src/admin/export-survei-command.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import { runSurveiQr } from "../../src/admin/survei-qr-command.ts";
import { parseConfig } from "../../src/config.ts";
import type { Score } from "../../src/domain/ikm.ts";
import { surveyTokenOf } from "../../src/services/survey-access.ts";
import { recordSurveyAnswer } from "../../src/services/survey-responses.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { DEMO } from "../support/telegram-app.ts";

/** jsqr is CommonJS whose types declare an ES default export; under Node that default is `.default` of the module. */
const jsQR = jsQRModule.default;
let database: TestDatabase;
let dir: string;
const NOW = new Date("2026-11-24T03:00:00Z");
const PUBLIC = "https://kinerja.andir.example.go.id";

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await importFiles(database.db, DEMO_FILES, { now: NOW });
  if (!seeded.ok) throw new Error(seeded.errors.join("\n"));
  dir = await mkdtemp(join(tmpdir(), "survei-"));
});
afterAll(async () => {
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { out: { write: (s: string) => out.push(s) }, err: { write: (s: string) => err.push(s) } },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

const configWith = (env: Record<string, string>) =>
  parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: "silent", ...env });

async function qr(args: string[], env: Record<string, string> = { PUBLIC_URL: PUBLIC }, bot?: string) {
  const io = buffers();
  const code = await runSurveiQr(
    { db: database.db, config: configWith(env), io: io.io, botUsername: async () => bot },
    args,
  );
  return { code, out: io.out(), err: io.err() };
}

/** The text of the QR code in a PNG, as a phone camera would read it. */
async function decodeQr(path: string): Promise<string | undefined> {
  const png = PNG.sync.read(await readFile(path));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe("admin survei-qr", () => {
  it("writes the unit's PNG poster whose QR code is the survey URL, and prints that URL alone", async () => {
    const out = join(dir, "poster.png");
    const run = await qr(
      ["--unit", "KEC-ANDIR-PEL", "--out", out],
      { PUBLIC_URL: PUBLIC },
      "kinerja_andir_bot",
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(new RegExp(`^${PUBLIC}/survei/[a-z0-9]{12}\\n$`));
    const url = run.out.trim();
    const token = url.split("/").at(-1);
    const unit = await database.db.unit.findUniqueOrThrow({ where: { code: "KEC-ANDIR-PEL" } });
    expect(unit.surveyToken).toBe(token);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1240, 1754]);
    expect(await decodeQr(out)).toBe(url);
  });

  it("prints the same URL on a second run (the token is stable), here as a PDF with the URL linked", async () => {
    const first = await qr(["--unit", "KEC-ANDIR-PEL", "--out", join(dir, "first.png")]);
    const out = join(dir, "poster.pdf");
    const second = await qr(["--unit", "KEC-ANDIR-PEL", "--out", out]);
    expect(second.code).toBe(0);
    expect(second.out).toBe(first.out);
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.subarray(-6).toString()).toContain("%%EOF");
    expect(pdf.toString("latin1")).toContain(`/URI (${first.out.trim()})`);
  });

  it("makes a staff member's desk card with their code in the URL (the same code every time)", async () => {
    const out = join(dir, "budi.png");
    const run = await qr(["--unit", "KEC-ANDIR-PEL", "--nip", DEMO.budi, "--out", out]);
    expect(run.code).toBe(0);
    const budi = await database.db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
    expect(budi.surveyCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(run.out).toMatch(new RegExp(`^${PUBLIC}/survei/[a-z0-9]{12}\\?p=${budi.surveyCode}\\n$`));
    expect(await decodeQr(out)).toBe(run.out.trim());
    const again = await qr(["--unit", "KEC-ANDIR-PEL", "--nip", DEMO.budi, "--out", join(dir, "budi2.pdf")]);
    expect(again.out).toBe(run.out);
  });

  it("uses http://localhost:PORT without PUBLIC_URL, and says so", async () => {
    const run = await qr(["--unit", "KEC-ANDIR-PEM", "--out", join(dir, "local.png")], { PORT: "3100" });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^http:\/\/localhost:3100\/survei\/[a-z0-9]{12}\n$/);
    expect(run.err).toContain("PUBLIC_URL is not set");
  });

  it("refuses an unknown unit, a person of another unit, and a file that is neither PNG nor PDF", async () => {
    expect((await qr(["--unit", "NOPE", "--out", join(dir, "x.png")])).code).toBe(1);
    const elsewhere = await qr(["--unit", "KEC-ANDIR-PEM", "--nip", DEMO.budi, "--out", join(dir, "x.png")]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.err).toContain("--nip");
    expect((await qr(["--unit", "KEC-ANDIR-PEL", "--out", join(dir, "x.svg")])).code).toBe(2);
    expect((await qr(["--out", join(dir, "x.png")])).code).toBe(2);
  });
});

describe("admin export-survei", () => {
  beforeAll(async () => {
    const { db } = database;
    const unit = (code: string) => db.unit.findUniqueOrThrow({ where: { code } });
    const pel = await unit("KEC-ANDIR-PEL");
    const pem = await unit("KEC-ANDIR-PEM");
    const andir = await unit("KEC-ANDIR");
    await surveyTokenOf(db, andir.id); // runs a survey, nobody answered yet
    await surveyTokenOf(db, pem.id);
    const budi = await db.person.findUniqueOrThrow({ where: { nip: DEMO.budi } });
    let n = 0;
    const answer = (
      unitId: string,
      localDate: string,
      scores: number[],
      extra: { comment?: string; by?: string },
    ) =>
      recordSurveyAnswer(db, {
        unitId,
        localDate,
        scores: scores as Score[],
        comment: extra.comment ?? null,
        channel: "WEB",
        servedById: extra.by ?? null,
        mark: `mark-${n++}`,
      });
    await answer(pel.id, "2026-10-05", [4, 4, 4, 4, 4, 4, 4, 4, 4], { comment: "Cepat", by: budi.id });
    await answer(pel.id, "2026-11-02", [3, 3, 3, 3, 3, 3, 3, 3, 3], { by: budi.id });
    await answer(pel.id, "2026-12-31", [2, 3, 4, 1, 2, 3, 4, 1, 2], { comment: "Perlu kursi tambahan" });
    // Outside 2026-TW4 (1 Oct – 31 Dec): not counted.
    await answer(pel.id, "2026-09-30", [1, 1, 1, 1, 1, 1, 1, 1, 1], {
      comment: "Triwulan lalu",
      by: budi.id,
    });
    await answer(pem.id, "2026-11-20", [4, 4, 4, 4, 4, 4, 4, 4, 3], {});
  });

  // Seksi Pelayanan in 2026-TW4, by hand:
  //   unsur sums 4+3+2=9, 4+3+3=10, 4+3+4=11, 4+3+1=8, 4+3+2=9, 4+3+3=10, 4+3+4=11, 4+3+1=8, 4+3+2=9
  //   means 3.00 3.33 3.67 2.67 3.00 3.33 3.67 2.67 3.00; IKM = 85 × 25 / 27 = 78.70 → B
  //   Budi (two answers, all 4 and all 3): every unsur 3.50, IKM 87.50 → B
  // Seksi Pemerintahan: one answer, eight 4s and a 3: IKM = 35 × 25 / 9 = 97.22 → A
  const EXPECTED = [
    ["KEC-ANDIR", "Kecamatan Andir", "2026-TW4", "0", "", "", "", "", "", "", "", "", "", "", ""],
    [
      "KEC-ANDIR-PEL",
      "Seksi Pelayanan Kecamatan Andir",
      "2026-TW4",
      "3",
      ...["3.00", "3.33", "3.67", "2.67", "3.00", "3.33", "3.67", "2.67", "3.00"],
      "78.70",
      "B",
    ],
    [DEMO.budi, "Budi Santoso", "2026-TW4", "2", ...Array(9).fill("3.50"), "87.50", "B"],
    [
      "KEC-ANDIR-PEM",
      "Seksi Pemerintahan Kecamatan Andir",
      "2026-TW4",
      "1",
      ...Array(8).fill("4.00"),
      "3.00",
      "97.22",
      "A",
    ],
  ];

  async function exportTo(args: string[]) {
    const io = buffers();
    const code = await runExportSurvei({ db: database.db, io: io.io }, args);
    return { code, out: io.out(), err: io.err() };
  }

  it("writes the SKM recap as CSV: per unit, then its served staff with nip,nama in the unit's place", async () => {
    const out = join(dir, "skm.csv");
    const run = await exportTo(["--periode", "2026-TW4", "--format", "csv", "--out", out]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("3 unit(s) of period 2026-TW4");
    const text = await readFile(out, "utf8");
    expect(text.split("\n")[0]).toBe("unit_kode,unit,periode,responden,u1,u2,u3,u4,u5,u6,u7,u8,u9,ikm,mutu");
    const rows = parse(text, { from_line: 2 }) as string[][];
    expect(rows).toEqual(EXPECTED);
  });

  it("narrows to a unit and those below it with --unit", async () => {
    const out = join(dir, "pem.csv");
    expect(
      (await exportTo(["--periode", "2026-TW4", "--unit", "KEC-ANDIR-PEM", "--format", "csv", "--out", out]))
        .code,
    ).toBe(0);
    const rows = parse(await readFile(out, "utf8"), { from_line: 2 }) as string[][];
    expect(rows).toEqual([EXPECTED[3]]);
  });

  it("writes the same table as xlsx, with the period's comments on a second sheet", async () => {
    const out = join(dir, "skm.xlsx");
    expect((await exportTo(["--periode", "2026-TW4", "--format", "xlsx", "--out", out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet(RECAP_SHEET)!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...SURVEI_COLUMNS]);
    expect(values(3)).toEqual([
      "KEC-ANDIR-PEL",
      "Seksi Pelayanan Kecamatan Andir",
      "2026-TW4",
      3,
      3,
      3.33,
      3.67,
      2.67,
      3,
      3.33,
      3.67,
      2.67,
      3,
      78.7,
      "B",
    ]);
    expect(values(4).slice(0, 4)).toEqual([DEMO.budi, "Budi Santoso", "2026-TW4", 2]);
    const comments = workbook.getWorksheet(COMMENTS_SHEET)!;
    const texts = [2, 3].map((r) => (comments.getRow(r).values as unknown[]).slice(1));
    expect(texts).toEqual([
      ["KEC-ANDIR-PEL", "2026-10-05", "Cepat"],
      ["KEC-ANDIR-PEL", "2026-12-31", "Perlu kursi tambahan"],
    ]);
    expect(comments.rowCount).toBe(3);
  });

  it("refuses a period that holds for no unit, and wrong usage", async () => {
    const bad = await exportTo(["--periode", "2026-XX", "--format", "csv", "--out", join(dir, "x.csv")]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("no such period");
    expect(
      (await exportTo(["--periode", "2026-TW4", "--format", "pdf", "--out", join(dir, "x.pdf")])).code,
    ).toBe(2);
  });
});
