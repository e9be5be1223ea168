import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPeriodFor, importDemoPeriod } from "../../src/admin/demo-period.ts";
import { seedDemo } from "../../src/admin/seed-demo.ts";
import { parseNip } from "../../src/domain/nip.ts";
import { openPeriods } from "../../src/domain/periods.ts";
import { organisationResultFor, periodsForUnit } from "../../src/services/periods.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const io = () => {
  const out: string[] = [];
  return {
    out,
    io: { out: { write: (t: string) => out.push(t) }, err: { write: (t: string) => out.push(t) } },
  };
};
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe("the demo period's dates", () => {
  it("is the month that ended yesterday in WIB, named in Indonesian", () => {
    // Tuesday 24 November 2026, 10.00 WIB
    expect(demoPeriodFor(new Date("2026-11-24T03:00:00Z"))).toEqual({
      code: "DEMO-20261123",
      name: "Periode demo 24 Okt – 23 Nov 2026",
      startDate: "2026-10-24",
      endDate: "2026-11-23",
    });
    // 00.30 WIB on 25 November is still 24 November in UTC: WIB's yesterday counts.
    expect(demoPeriodFor(new Date("2026-11-24T17:30:00Z")).endDate).toBe("2026-11-24");
    expect(demoPeriodFor(new Date("2026-12-02T03:00:00Z")).name).toBe("Periode demo 2 Nov – 1 Des 2026");
    expect(demoPeriodFor(new Date("2027-01-05T03:00:00Z")).name).toBe("Periode demo 5 Des 2026 – 4 Jan 2027");
    // A month end stays a month end: the period that ends 31 March starts on 1 March.
    expect(demoPeriodFor(new Date("2026-04-01T03:00:00Z"))).toMatchObject({
      startDate: "2026-03-01",
      endDate: "2026-03-31",
    });
    expect(demoPeriodFor(new Date("2026-03-01T03:00:00Z"))).toMatchObject({
      startDate: "2026-01-29",
      endDate: "2026-02-28",
    });
  });
});

describe("seed-demo", () => {
  it("without the demo organisation the period alone is refused, nothing written", async () => {
    const { result } = await importDemoPeriod(database.db, new Date("2026-11-24T03:00:00Z"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toMatch(/periode-demo\.csv:2: unit_kode: .*PEMKOT-BDG/);
    expect(await database.db.evaluationPeriod.count()).toBe(0);
    expect(await database.db.unit.count()).toBe(0);
  });

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

  it("gives the demo organisation a monthly period that ended yesterday (WIB), its rating open, capaian baik", async () => {
    const { db } = database;
    const top = await db.unit.findUniqueOrThrow({ where: { code: "PEMKOT-BDG" } });
    const [period, ...others] = await db.evaluationPeriod.findMany();
    expect(others).toHaveLength(0);
    expect(period).toMatchObject({
      code: "DEMO-20261123",
      name: "Periode demo 24 Okt – 23 Nov 2026",
      kind: "BULANAN",
      unitId: top.id,
    });
    expect([period?.startDate, period?.endDate, period?.ratingDeadline].map((d) => d && isoDate(d))).toEqual([
      "2026-10-24",
      "2026-11-23",
      "2026-12-07",
    ]);
    // It holds for every demo unit and is the one a board opens without a code; capaian from the top unit.
    for (const code of ["KEC-ANDIR", "KEC-ANDIR-PEL", "KEC-ANDIR-PEM"]) {
      const unit = await db.unit.findUniqueOrThrow({ where: { code } });
      const periods = await periodsForUnit(db, unit.id, [2025, 2026]);
      expect(openPeriods(periods, "2026-11-24")[0]?.code).toBe("DEMO-20261123");
      expect(await organisationResultFor(db, unit.id, "DEMO-20261123")).toEqual({
        result: "BAIK",
        unitId: top.id,
      });
    }
    expect(await db.organisationAchievement.count()).toBe(1);
  });

  const snapshot = async () =>
    JSON.stringify([
      await database.db.person.findMany({ orderBy: { nip: "asc" } }),
      await database.db.iki.findMany({ orderBy: { id: "asc" } }),
      await database.db.supervisorRelation.findMany({ orderBy: { id: "asc" } }),
      await database.db.evaluationPeriod.findMany({ orderBy: { id: "asc" } }),
      await database.db.organisationAchievement.findMany({ orderBy: { id: "asc" } }),
    ]);

  it("changes nothing when run again the same day", async () => {
    const before = await snapshot();
    const { out, io: sink } = io();
    expect(await seedDemo({ db: database.db, io: sink, now: new Date("2026-11-24T16:59:00Z") })).toBe(0);
    expect(await snapshot()).toBe(before);
    const said = out.join("");
    expect(said).toContain("DEMO-20261123");
    expect(said).toContain("periode: 0 dibuat, 0 diperbarui, 1 tidak berubah");
    expect(said).toContain("capaian_organisasi: 0 dibuat, 0 diperbarui, 1 tidak berubah");
    expect(said).not.toMatch(/[1-9]\d* (dibuat|diperbarui)/);
  });

  it("changes nothing of the organisation when run again", async () => {
    const organisation = async () =>
      JSON.stringify([
        await database.db.person.findMany({ orderBy: { nip: "asc" } }),
        await database.db.iki.findMany({ orderBy: { id: "asc" } }),
        await database.db.supervisorRelation.findMany({ orderBy: { id: "asc" } }),
      ]);
    const before = await organisation();
    const { out, io: sink } = io();
    expect(await seedDemo({ db: database.db, io: sink, now: new Date("2026-11-25T03:00:00Z") })).toBe(0);
    expect(await organisation()).toBe(before);
    expect(out.join("")).toContain("0 dibuat");
  });

  it("on a later day adds that day's period and keeps the earlier one", async () => {
    const periods = await database.db.evaluationPeriod.findMany({ orderBy: { endDate: "asc" } });
    expect(periods.map((p) => [p.code, p.name])).toEqual([
      ["DEMO-20261123", "Periode demo 24 Okt – 23 Nov 2026"],
      ["DEMO-20261124", "Periode demo 25 Okt – 24 Nov 2026"],
    ]);
    const capaian = await database.db.organisationAchievement.findMany({ orderBy: { periodCode: "asc" } });
    expect(capaian.map((c) => [c.periodCode, c.result])).toEqual([
      ["DEMO-20261123", "BAIK"],
      ["DEMO-20261124", "BAIK"],
    ]);
  });
});
