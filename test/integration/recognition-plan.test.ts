import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.ts";
import { isStillDue } from "../../src/notifications/reminders.ts";
import { loadReminderTarget } from "../../src/services/reminder-deliveries.ts";
import { planDueReminders } from "../../src/services/reminder-planner.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * The monthly recognition on the reminder planner (services/recognition-plan.ts). January 2027: Friday
 * 1 January is a national holiday, so the first working day is Monday 4 January; the window is the
 * month's first 5 working days (4–8 January).
 *
 * - Unit A (WIB): head kepa supervises ani and budi; ani had an approved report in December, budi none.
 *   The deputy wakil also supervises one person (budi) and has no supervisor in the unit either: the one
 *   supervising more people (kepa) is the head.
 * - Unit B (WITA): head kepb has no linked account until 6 January (caught up on that day).
 * - Unit C (WIB): head kepc supervises only people of a unit below it (no staff of its own): never asked.
 * - Unit D (WIB): head kepd, one staff member dina without an approved report: planned, then skipped.
 */
let database: TestDatabase;
let second: Db;
const ids = new Map<string, string>();
const id = (label: string) => ids.get(label)!;
const SLOT = "penghargaan:2026-12";
let nipSeq = 0;

async function unit(code: string, timeZone: string, parentId?: string): Promise<string> {
  return (
    await database.db.unit.create({
      data: { code, name: `Unit ${code}`, timeZone, parentId: parentId ?? null },
    })
  ).id;
}

async function person(label: string, unitId: string, account = true): Promise<void> {
  nipSeq += 1;
  const created = await database.db.person.create({
    data: {
      nip: `93000000000000${String(nipSeq).padStart(4, "0")}`,
      nipKind: "PNS",
      name: label,
      position: "Staf",
      unitId,
      ...(account
        ? { accounts: { create: { platform: "TELEGRAM", externalId: `t-${label}`, address: `t-${label}` } } }
        : {}),
    },
  });
  ids.set(label, created.id);
}

async function supervises(boss: string, staff: string): Promise<void> {
  await database.db.supervisorRelation.create({
    data: { personId: id(staff), supervisorId: id(boss), validFrom: new Date("2026-01-01") },
  });
}

const rows = () =>
  database.db.reminderDelivery.findMany({
    where: { slot: SLOT },
    select: { personId: true, date: true, status: true, dueAt: true },
    orderBy: { dueAt: "asc" },
  });
const who = async () => {
  const names = new Map([...ids].map(([label, personId]) => [personId, label]));
  // Sorted by date, then name: two heads due at the same minute come out of PostgreSQL in any order.
  return (await rows())
    .map((r): [string, string] => [names.get(r.personId) ?? "?", r.date.toISOString().slice(0, 10)])
    .sort(([a, x], [b, y]) => x.localeCompare(y) || a.localeCompare(b));
};

beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { poolSize: 2 });
  await database.db.holiday.create({
    data: { date: new Date("2027-01-01"), name: "Tahun Baru", kind: "LIBUR_NASIONAL", scope: "*" },
  });
  const a = await unit("A", "Asia/Jakarta");
  const b = await unit("B", "Asia/Makassar");
  const c = await unit("C", "Asia/Jakarta");
  const c1 = await unit("C1", "Asia/Jakarta", c);
  const d = await unit("D", "Asia/Jakarta");
  for (const [label, unitId, account] of [
    ["kepa", a, true],
    ["wakil", a, true],
    ["ani", a, true],
    ["budi", a, true],
    ["kepb", b, false],
    ["bela", b, true],
    ["kepc", c, true],
    ["cici", c1, true],
    ["kepd", d, true],
    ["dina", d, true],
  ] as const) {
    await person(label, unitId, account);
  }
  await supervises("kepa", "ani");
  await supervises("kepa", "wakil");
  await supervises("wakil", "budi");
  await supervises("kepb", "bela");
  await supervises("kepc", "cici");
  await supervises("kepd", "dina");
  // wakil is supervised by kepa (same unit), so only kepa heads unit A.
  for (const label of ["ani", "bela"]) {
    await database.db.activity.create({
      data: {
        personId: id(label),
        date: new Date("2026-12-15"),
        description: "Pekerjaan Desember",
        quantity: 1,
        unitLabel: "dokumen",
        minutes: 120,
        status: "DISETUJUI",
        submittedAt: new Date("2026-12-15T08:00:00Z"),
      },
    });
  }
});
afterAll(async () => {
  await second.$disconnect();
  await database.drop();
});

describe("planning the monthly recognition", () => {
  it("plans nothing on the holiday of 1 January nor before 09:00 on the first working day", async () => {
    await planDueReminders(database.db, { now: new Date("2027-01-01T03:00:00Z") });
    // Monday 4 January, 08.59 WIB.
    await planDueReminders(database.db, { now: new Date("2027-01-04T01:59:00Z") });
    expect(await rows()).toEqual([]);
  });

  it("asks each unit's head once at 09:00, two planners at once; no head, no staff of its own: nobody", async () => {
    const now = new Date("2027-01-04T02:00:00Z");
    await Promise.all([
      planDueReminders(database.db, { now }),
      planDueReminders(second, { now }),
      planDueReminders(database.db, { now }),
    ]);
    expect(await who()).toEqual([
      ["kepa", "2027-01-04"],
      ["kepd", "2027-01-04"],
    ]);
    expect((await rows())[0]!.dueAt.toISOString()).toBe("2027-01-04T02:00:00.000Z");
  });

  it("catches up a head who linked an account later in the window, never a unit twice", async () => {
    await database.db.platformAccount.create({
      data: { personId: id("kepb"), platform: "TELEGRAM", externalId: "t-kepb", address: "t-kepb" },
    });
    // Wednesday 6 January, 09.00 WITA = 01.00 UTC.
    await planDueReminders(database.db, { now: new Date("2027-01-06T01:00:00Z") });
    await planDueReminders(database.db, { now: new Date("2027-01-07T03:00:00Z") });
    expect(await who()).toEqual([
      ["kepa", "2027-01-04"],
      ["kepd", "2027-01-04"],
      ["kepb", "2027-01-06"],
    ]);
  });

  it("stops after the month's fifth working day", async () => {
    await database.db.reminderDelivery.deleteMany({ where: { slot: SLOT } });
    // Monday 11 January: the sixth working day (4, 5, 6, 7, 8, 11).
    await planDueReminders(database.db, { now: new Date("2027-01-11T03:00:00Z") });
    expect(await rows()).toEqual([]);
    // Friday 8 January: the fifth.
    await planDueReminders(database.db, { now: new Date("2027-01-08T03:00:00Z") });
    expect((await who()).map(([label]) => label).sort()).toEqual(["kepa", "kepb", "kepd"]);
  });

  it("at send time: suggestions from December, or skipped when nobody had an approved report", async () => {
    const now = new Date("2027-01-08T03:00:00Z");
    const row = await database.db.reminderDelivery.findFirstOrThrow({
      where: { slot: SLOT, personId: id("kepa") },
    });
    const target = await loadReminderTarget(database.db, row.id);
    const check = await isStillDue(database.db, target!, now);
    expect(check.due).toBe(true);
    if (!check.due || check.content.kind !== "penghargaan") throw new Error("not a recognition");
    expect(check.content.recognition.candidates.map((c) => c.name)).toEqual(["ani"]);
    expect(check.content.recognition.month).toBe("2026-12");
    // Sent again (a retry): the same recognition, not a second one.
    const again = await isStillDue(database.db, target!, now);
    expect(again.due && again.content.kind === "penghargaan" && again.content.recognition.id).toBe(
      check.content.recognition.id,
    );
    expect(await database.db.recognition.count()).toBe(1);

    const dRow = await database.db.reminderDelivery.findFirstOrThrow({
      where: { slot: SLOT, personId: id("kepd") },
    });
    expect(await isStillDue(database.db, (await loadReminderTarget(database.db, dRow.id))!, now)).toEqual({
      due: false,
      reason: "nobody to suggest",
    });
  });
});
