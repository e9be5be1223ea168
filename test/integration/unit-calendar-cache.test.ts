import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUnitCalendarCache } from "../../src/services/unit-calendar-cache.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let kelurahanId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  await db.holiday.deleteMany();
  const kota = await db.unit.create({ data: { code: "KOTA", name: "Kota", timeZone: "Asia/Makassar" } });
  const kecamatan = await db.unit.create({
    data: { code: "KEC", name: "Kecamatan", parentId: kota.id, timeZone: "Asia/Makassar" },
  });
  const kelurahan = await db.unit.create({
    data: { code: "KEL", name: "Kelurahan", parentId: kecamatan.id, timeZone: "Asia/Makassar" },
  });
  kelurahanId = kelurahan.id;
  await db.unitSetting.create({
    data: { unitId: kecamatan.id, workingDays: [1, 2, 3, 4, 5, 6], minutesPerDay: 420 },
  });
  await db.holiday.create({
    data: { date: new Date("2026-12-25"), name: "Natal", kind: "LIBUR_NASIONAL", scope: "*" },
  });
  await db.holiday.create({
    data: {
      date: new Date("2026-06-10"),
      name: "HUT Kota",
      kind: "LIBUR_DAERAH",
      unitId: kota.id,
      scope: kota.id,
    },
  });
});
afterAll(async () => {
  await database.drop();
});

describe("a unit's rules and holidays", () => {
  it("inherit the nearest settings above and the holidays of every unit above", async () => {
    const { rules, holidays } = await createUnitCalendarCache(0).get(database.db, kelurahanId);
    expect(rules).toMatchObject({
      timeZone: "Asia/Makassar",
      workingDays: [1, 2, 3, 4, 5, 6],
      minutesPerDay: 420,
    });
    expect(rules.reminderTimes).toEqual(["15:30", "19:30"]);
    expect(holidays.map((h) => h.date).sort()).toEqual(["2026-06-10", "2026-12-25"]);
  });

  it("are kept for the TTL, and read every time with a TTL of 0", async () => {
    const cached = createUnitCalendarCache(60_000);
    const uncached = createUnitCalendarCache(0);
    await cached.get(database.db, kelurahanId);
    await database.db.holiday.create({
      data: { date: new Date("2026-08-17"), name: "Kemerdekaan", kind: "LIBUR_NASIONAL", scope: "*" },
    });
    expect((await cached.get(database.db, kelurahanId)).holidays).toHaveLength(2);
    expect((await uncached.get(database.db, kelurahanId)).holidays).toHaveLength(3);
  });
});
