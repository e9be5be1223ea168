import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReminderQueue, reminderJobId } from "../../jobs/reminder-queue.ts";
import { startScheduler } from "../../jobs/scheduler.ts";
import { createDb, type Db } from "../../src/db/client.ts";
import { createLogger } from "../../src/logger.ts";
import { isStillDue, reminderMessage } from "../../src/notifications/reminders.ts";
import { loadReminderTarget } from "../../src/services/reminder-deliveries.ts";
import { DAY_OVER, planDueReminders } from "../../src/services/reminder-planner.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * Evaluation requests, reminders and escalations (SPEC section 12) on the reminder planner. The default
 * period 2026-TW2 ends Tuesday 30 June 2026 with its deadline on Tuesday 14 July: the request is due on
 * Wednesday 1 July at 08:00 local, the reminder on Thursday 9 July (3 working days before) at 08:00, the
 * escalation on Wednesday 15 July at 09:00.
 *
 * - WIB unit: kepala supervises the raters ani (andi, asri) and bayu (bima); bayu's team is delegated to
 *   dian from 1 to 3 July.
 * - WITA unit: wati rates wahyu. WIT unit: joko rates jaya.
 * - A WIB unit with a regional holiday on 1 July: hadi rates hana.
 * - A WIB unit with a configured period only (2026-JUL-A, ends Friday 3 July, deadline Friday 10 July):
 *   kiki rates kurnia.
 */
let database: TestDatabase;
let second: Db;
const ids = new Map<string, string>();
const labels = new Map<string, string>();
const logger = createLogger("silent");
const at = (iso: string) => new Date(iso);
const id = (label: string) => ids.get(label)!;
const TW2 = "2026-TW2";
let wibUnit: string;

async function unit(code: string, timeZone: string): Promise<string> {
  const created = await database.db.unit.create({ data: { code, name: `Unit ${code}`, timeZone } });
  return created.id;
}

async function person(label: string, unitId: string): Promise<void> {
  const created = await database.db.person.create({
    data: {
      nip: `9100000000000000${String(ids.size).padStart(2, "0")}`,
      nipKind: "PNS",
      name: label,
      position: "Staf",
      unitId,
      accounts: { create: { platform: "TELEGRAM", externalId: `t-${label}`, address: `t-${label}` } },
    },
  });
  ids.set(label, created.id);
  labels.set(created.id, label);
}

async function supervises(supervisor: string, ...reports: string[]): Promise<void> {
  for (const report of reports) {
    await database.db.supervisorRelation.create({
      data: { supervisorId: id(supervisor), personId: id(report), validFrom: new Date("2026-01-01") },
    });
  }
}

/** A rating of `ratee` for a period (what the rating flow saves). */
async function rated(ratee: string, rater: string, periodCode = TW2): Promise<void> {
  await database.db.evaluation.create({
    data: {
      personId: id(ratee),
      raterId: id(rater),
      periodCode,
      periodName: "Triwulan II 2026",
      periodKind: "TRIWULAN",
      startDate: new Date("2026-04-01"),
      endDate: new Date("2026-06-30"),
      ratingDeadline: new Date("2026-07-14"),
      ratingHasilKerja: "SESUAI",
      ratingPerilaku: "SESUAI",
      predikat: "BAIK",
      ratedAt: new Date("2026-07-01T03:00:00Z"),
      toldOn: new Date("2026-07-01"),
      objectionUntil: new Date("2026-07-15"),
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { poolSize: 2 });
  const { db } = database;
  wibUnit = await unit("U-WIB", "Asia/Jakarta");
  const wita = await unit("U-WITA", "Asia/Makassar");
  const wit = await unit("U-WIT", "Asia/Jayapura");
  const holiday = await unit("U-HOL", "Asia/Jakarta");
  const configured = await unit("U-KONF", "Asia/Jakarta");
  for (const label of ["kepala", "ani", "andi", "asri", "bayu", "bima", "dian"]) await person(label, wibUnit);
  for (const label of ["wati", "wahyu"]) await person(label, wita);
  for (const label of ["joko", "jaya"]) await person(label, wit);
  for (const label of ["hadi", "hana"]) await person(label, holiday);
  for (const label of ["kiki", "kurnia"]) await person(label, configured);
  await supervises("kepala", "ani", "bayu");
  await supervises("ani", "andi", "asri");
  await supervises("bayu", "bima");
  await supervises("wati", "wahyu");
  await supervises("joko", "jaya");
  await supervises("hadi", "hana");
  await supervises("kiki", "kurnia");
  await db.delegation.create({
    data: {
      fromId: id("bayu"),
      toId: id("dian"),
      validFrom: new Date("2026-07-01"),
      validTo: new Date("2026-07-03"),
    },
  });
  await db.holiday.create({
    data: {
      date: new Date("2026-07-01"),
      name: "Hari jadi",
      kind: "LIBUR_DAERAH",
      unitId: holiday,
      scope: holiday,
    },
  });
  await db.evaluationPeriod.create({
    data: {
      code: "2026-JUL-A",
      name: "Periode Uji Juli",
      kind: "BULANAN",
      startDate: new Date("2026-06-01"),
      endDate: new Date("2026-07-03"),
      ratingDeadline: new Date("2026-07-10"),
      unitId: configured,
      scope: configured,
    },
  });
});

afterAll(async () => {
  await second.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  await database.db.reminderDelivery.deleteMany();
  await database.db.evaluation.deleteMany();
});

/** "label date slot" of every evaluation row, sorted. */
async function rows(): Promise<string[]> {
  const all = await database.db.reminderDelivery.findMany({ where: { slot: { startsWith: "penilaian-" } } });
  return all.map((r) => `${labels.get(r.personId)} ${r.date.toISOString().slice(0, 10)} ${r.slot}`).sort();
}

const each = (labelList: string[], date: string, slot: string) =>
  labelList.map((l) => `${l} ${date} ${slot}`);

async function rowOf(label: string, slot: string) {
  return database.db.reminderDelivery.findFirstOrThrow({ where: { personId: id(label), slot } });
}

/** What the worker would decide for the row at `now`. */
async function checkAt(label: string, slot: string, now: string) {
  const row = await rowOf(label, slot);
  const target = await loadReminderTarget(database.db, row.id);
  return isStillDue(database.db, target!, at(now));
}

describe("the evaluation request (penilaian-buka)", () => {
  it("falls due at 08:00 of the day after the period's end in each rater's own zone: WIT, then WITA, then WIB", async () => {
    const slot = `penilaian-buka:${TW2}`;
    const steps: [string, string[]][] = [
      ["2026-06-30T22:59:00Z", []],
      ["2026-06-30T23:00:00Z", each(["joko"], "2026-07-01", slot)], // 08:00 WIT
      ["2026-06-30T23:59:00Z", each(["joko"], "2026-07-01", slot)],
      ["2026-07-01T00:00:00Z", each(["joko", "wati"], "2026-07-01", slot)], // 08:00 WITA
      ["2026-07-01T00:59:00Z", each(["joko", "wati"], "2026-07-01", slot)],
      // 08:00 WIB: bayu's team is delegated to dian today; kepala rates ani and bayu.
      ["2026-07-01T01:00:00Z", each(["ani", "dian", "joko", "kepala", "wati"], "2026-07-01", slot)],
      ["2026-07-01T09:00:00Z", each(["ani", "dian", "joko", "kepala", "wati"], "2026-07-01", slot)],
    ];
    for (const [now, expected] of steps) {
      await planDueReminders(database.db, { now: at(now) });
      expect(await rows(), now).toEqual(expected.sort());
    }
    const joko = await rowOf("joko", slot);
    expect(joko.dueAt.toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect((await rowOf("ani", slot)).dueAt.toISOString()).toBe("2026-07-01T01:00:00.000Z");
  });

  it("moves to the next working day: a regional holiday, a period ending on a Friday", async () => {
    await planDueReminders(database.db, { now: at("2026-07-01T09:00:00Z") });
    expect((await rows()).filter((r) => r.startsWith("hadi") || r.startsWith("kiki"))).toEqual([]);
    await planDueReminders(database.db, { now: at("2026-07-02T01:00:00Z") });
    expect((await rows()).filter((r) => r.startsWith("hadi"))).toEqual([
      `hadi 2026-07-02 penilaian-buka:${TW2}`,
    ]);
    // 2026-JUL-A ends Friday 3 July: Saturday and Sunday are no working days.
    for (const now of ["2026-07-04T02:00:00Z", "2026-07-05T02:00:00Z", "2026-07-06T00:59:00Z"]) {
      await planDueReminders(database.db, { now: at(now) });
      expect(
        (await rows()).filter((r) => r.startsWith("kiki")),
        now,
      ).toEqual([]);
    }
    await planDueReminders(database.db, { now: at("2026-07-06T01:00:00Z") });
    // Only the configured period holds for kiki's unit: no 2026-TW2 for kurnia.
    expect((await rows()).filter((r) => r.startsWith("kiki"))).toEqual([
      "kiki 2026-07-06 penilaian-buka:2026-JUL-A",
    ]);
  });

  it("says how many await rating, with the button to the board, counting only the unrated", async () => {
    await rated("andi", "ani");
    await planDueReminders(database.db, { now: at("2026-07-01T01:30:00Z") });
    const check = await checkAt("ani", `penilaian-buka:${TW2}`, "2026-07-01T01:30:00Z");
    expect(check).toMatchObject({ due: true, content: { kind: "penilaian-buka", count: 1 } });
    if (!check.due) throw new Error("not due");
    const message = reminderMessage(check.content, "id");
    expect(message.text).toContain("Triwulan II 2026");
    expect(message.text).toContain("1 anggota tim Anda menunggu penilaian");
    expect(message.text).toContain("Selasa, 14 Jul 2026");
    expect(message.choices).toEqual([[{ label: "Buka penilaian tim", data: `e:board:${TW2}` }]]);
    const english = reminderMessage(check.content, "en");
    expect(english.text).toContain("1 member of your team is waiting for your rating");
    expect(english.choices).toEqual([[{ label: "Rate the team", data: `e:board:${TW2}` }]]);
  });

  it("is not planned for a rater whose whole team is rated, and is skipped when the last one is rated before it goes out", async () => {
    await rated("wahyu", "wati");
    await planDueReminders(database.db, { now: at("2026-07-01T01:30:00Z") });
    expect(await rows()).not.toContain(`wati 2026-07-01 penilaian-buka:${TW2}`);
    expect(await rows()).toContain(`joko 2026-07-01 penilaian-buka:${TW2}`);
    await rated("jaya", "joko");
    expect(await checkAt("joko", `penilaian-buka:${TW2}`, "2026-07-01T01:30:00Z")).toEqual({
      due: false,
      reason: "everyone rated",
    });
  });
});

describe("delegation", () => {
  it("sends the rater's messages to the delegate while the delegation covers the day, then to the rater again", async () => {
    await planDueReminders(database.db, { now: at("2026-07-01T02:00:00Z") });
    expect(await rows()).toContain(`dian 2026-07-01 penilaian-buka:${TW2}`);
    expect(await rows()).not.toContain(`bayu 2026-07-01 penilaian-buka:${TW2}`);
    const dian = await checkAt("dian", `penilaian-buka:${TW2}`, "2026-07-01T02:00:00Z");
    expect(dian).toMatchObject({ due: true, content: { count: 1 } });
    // kepala's count is ani and bayu, not bayu's team.
    expect(await checkAt("kepala", `penilaian-buka:${TW2}`, "2026-07-01T02:00:00Z")).toMatchObject({
      due: true,
      content: { count: 2 },
    });

    // The reminder on 9 July: the delegation is over.
    await planDueReminders(database.db, { now: at("2026-07-09T02:00:00Z") });
    const reminders = (await rows()).filter((r) => r.includes("pengingat"));
    expect(reminders).toContain(`bayu 2026-07-09 penilaian-pengingat:${TW2}`);
    expect(reminders.filter((r) => r.startsWith("dian"))).toEqual([]);
  });
});

describe("the reminder before the deadline (penilaian-pengingat)", () => {
  it("falls due 3 working days before batas_penilaian at 08:00, only for raters with someone unrated", async () => {
    await rated("wahyu", "wati");
    const slot = `penilaian-pengingat:${TW2}`;
    await planDueReminders(database.db, { now: at("2026-07-08T22:59:00Z") }); // 07:59 WIT
    expect((await rows()).filter((r) => r.includes("pengingat"))).toEqual([]);
    await planDueReminders(database.db, { now: at("2026-07-09T01:00:00Z") });
    expect((await rows()).filter((r) => r.includes("pengingat"))).toEqual(
      each(["ani", "bayu", "hadi", "joko", "kepala"], "2026-07-09", slot).sort(),
    );
    // The configured period's deadline is Friday 10 July: its reminder was on Tuesday 7 July.
    await planDueReminders(database.db, { now: at("2026-07-07T01:00:00Z") });
    expect((await rows()).filter((r) => r.startsWith("kiki"))).toEqual([
      "kiki 2026-07-07 penilaian-pengingat:2026-JUL-A",
    ]);
    const check = await checkAt("ani", slot, "2026-07-09T02:00:00Z");
    if (!check.due) throw new Error("not due");
    expect(check.content).toMatchObject({ kind: "penilaian-pengingat", count: 2 });
    const message = reminderMessage(check.content, "id");
    expect(message.text).toContain("2 anggota tim yang menunggu penilaian Anda");
    expect(message.choices).toEqual([[{ label: "Buka penilaian tim", data: `e:board:${TW2}` }]]);
  });
});

describe("the escalation (penilaian-eskalasi)", () => {
  it("tells the rater's own supervisor, the working day after the deadline at 09:00, who is still unrated, once", async () => {
    await rated("andi", "ani");
    const slot = `penilaian-eskalasi:${TW2}`;
    await planDueReminders(database.db, { now: at("2026-07-15T01:59:00Z") });
    expect((await rows()).filter((r) => r.includes("eskalasi"))).toEqual([]);
    await planDueReminders(database.db, { now: at("2026-07-15T02:00:00Z") });
    await planDueReminders(database.db, { now: at("2026-07-15T05:00:00Z") });
    // Nobody is above wati, joko, hadi or kepala: only kepala hears about ani's and bayu's teams.
    expect((await rows()).filter((r) => r.includes("eskalasi"))).toEqual([`kepala 2026-07-15 ${slot}`]);

    const check = await checkAt("kepala", slot, "2026-07-15T02:00:00Z");
    expect(check).toEqual({
      due: true,
      content: {
        kind: "penilaian-eskalasi",
        period: { code: TW2, name: "Triwulan II 2026", ratingDeadline: "2026-07-14" },
        unrated: [
          { name: "asri", raterName: "ani" },
          { name: "bima", raterName: "bayu" },
        ],
      },
    });
    if (!check.due) throw new Error("not due");
    const message = reminderMessage(check.content, "id");
    expect(message.text).toBe(
      [
        "Sekadar informasi: batas penilaian Triwulan II 2026 (Selasa, 14 Jul 2026) sudah lewat, dan 2 pegawai belum dinilai:",
        "Penilai: ani",
        "• asri",
        "Penilai: bayu",
        "• bima",
        "Penilaian masih dapat dilakukan (tercatat terlambat). Bila perlu, Anda dapat menyapa pejabat penilainya. Terima kasih.",
      ].join("\n"),
    );
    expect(message.choices).toBeUndefined();

    await rated("asri", "ani");
    await rated("bima", "bayu");
    expect(await checkAt("kepala", slot, "2026-07-15T03:00:00Z")).toEqual({
      due: false,
      reason: "everyone rated",
    });
  });
});

describe("exactly once per rater, period and slot", () => {
  it("two planners at once on separate connections make one row per rater, period and slot", async () => {
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        planDueReminders(database.db, { now: at("2026-07-01T02:00:00Z") }),
        planDueReminders(second, { now: at("2026-07-01T02:00:00Z") }),
      ]);
      if (round > 0) expect(results.map((r) => r.planned)).toEqual([0, 0]);
    }
    const all = await database.db.reminderDelivery.findMany({
      where: { slot: { startsWith: "penilaian-" } },
    });
    expect(all).toHaveLength(5);
    expect(new Set(all.map((r) => `${r.personId} ${r.slot}`)).size).toBe(5);
  });

  it("a holiday imported after the request was planned does not plan it again on the next working day", async () => {
    await planDueReminders(database.db, { now: at("2026-07-01T02:00:00Z") });
    const before = await rows();
    const holiday = await database.db.holiday.create({
      data: {
        date: new Date("2026-07-01"),
        name: "Libur",
        kind: "LIBUR_DAERAH",
        unitId: wibUnit,
        scope: wibUnit,
      },
    });
    try {
      await planDueReminders(database.db, { now: at("2026-07-02T02:00:00Z") });
      // Only hadi's own day is 2 July; nobody in the WIB unit gets a second request.
      expect(await rows()).toEqual([...before, `hadi 2026-07-02 penilaian-buka:${TW2}`].sort());
    } finally {
      await database.db.holiday.delete({ where: { id: holiday.id } });
    }
  });
});

describe("configured periods", () => {
  it("are seen by the next pass after an import (the planner's period cache follows the data)", async () => {
    await planDueReminders(database.db, { now: at("2026-07-02T02:00:00Z") }); // fills the cache
    const wita = (await database.db.unit.findUniqueOrThrow({ where: { code: "U-WITA" } })).id;
    const period = await database.db.evaluationPeriod.create({
      data: {
        code: "2026-06-B",
        name: "Juni B",
        kind: "BULANAN",
        startDate: new Date("2026-06-01"),
        endDate: new Date("2026-07-01"),
        ratingDeadline: new Date("2026-07-15"),
        unitId: wita,
        scope: wita,
      },
    });
    try {
      await planDueReminders(database.db, { now: at("2026-07-02T02:01:00Z") });
      expect((await rows()).filter((r) => r.startsWith("wati"))).toEqual([
        "wati 2026-07-02 penilaian-buka:2026-06-B",
      ]);
    } finally {
      await database.db.evaluationPeriod.delete({ where: { id: period.id } });
    }
  });
});

describe("through the scheduler", () => {
  const prefix = `t${randomBytes(4).toString("hex")}`;
  const redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
  const queue = createReminderQueue(redis, prefix);

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.quit();
  });

  it("catches up at start on a slot that fell due while it was down, the same day; a day missed entirely is skipped", async () => {
    // Down at 08:00; starts at 13:00 WIB: the start pass plans and enqueues the morning's requests.
    const scheduler = startScheduler({
      db: database.db,
      queue,
      logger,
      clock: () => at("2026-07-01T06:00:00Z"),
    });
    const pass = await scheduler.runOnce();
    await scheduler.stop();
    expect(pass?.planned).toBe(0); // the start pass before it did the work
    expect(await rows()).toEqual(
      each(["ani", "dian", "joko", "kepala", "wati"], "2026-07-01", `penilaian-buka:${TW2}`).sort(),
    );
    const ani = await rowOf("ani", `penilaian-buka:${TW2}`);
    expect(await queue.getJob(reminderJobId(ani.id))).toBeTruthy();

    // Nothing sent them (no worker), and the scheduler is down until the next day: the rows are closed,
    // and the request is not planned on a later day (SPEC section 7: a missed day is skipped).
    const later = startScheduler({ db: database.db, queue, logger, clock: () => at("2026-07-02T06:00:00Z") });
    await later.runOnce();
    await later.stop();
    const closed = await database.db.reminderDelivery.findMany({
      where: { slot: `penilaian-buka:${TW2}`, date: new Date("2026-07-01") },
    });
    expect(closed.map((r) => [r.status, r.error])).toEqual(closed.map(() => ["SKIPPED", DAY_OVER]));
    expect(await rows()).toEqual(
      [
        ...each(["ani", "dian", "joko", "kepala", "wati"], "2026-07-01", `penilaian-buka:${TW2}`),
        `hadi 2026-07-02 penilaian-buka:${TW2}`,
      ].sort(),
    );
  });
});
