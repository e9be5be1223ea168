import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createReminderQueue, reminderJobId } from "../../jobs/reminder-queue.ts";
import { startScheduler } from "../../jobs/scheduler.ts";
import { importFiles } from "../../src/admin/import/import-files.ts";
import { DEMO_FILES } from "../../src/admin/seed-demo.ts";
import type { ActivityStatus } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { DAY_OVER, planDueReminders } from "../../src/services/reminder-planner.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * The organisation: the demo kecamatan (Bandung, WIB) with its camat, two section heads and six staff,
 * a WITA province (NTB) > city (Mataram: works Monday to Saturday, regional holiday 2026-06-03) >
 * kecamatan (Cakranegara), and a WIT kabupaten (Jayapura). Week of Monday 2026-06-01 (Hari Lahir
 * Pancasila); 2026-05-27 and 2026-05-28 are a national holiday and cuti bersama.
 */
const DEMO_LABELS: Record<string, string> = {
  "197503122000031002": "camat",
  "198008172005012003": "rina",
  "197911042006041001": "dedi",
  "199002142015032001": "siti",
  "199207252019031004": "budi",
  "199511302022212005": "dewi",
  "198806092012121002": "agus",
  "199304182020122001": "nur",
  "199701012023211007": "rizky",
};

let database: TestDatabase;
const ids = new Map<string, string>();
const labels = new Map<string, string>();
const logger = createLogger("silent");
const at = (iso: string) => new Date(iso);
const id = (label: string) => ids.get(label)!;

async function addPerson(label: string, unitId: string, active = true): Promise<void> {
  const person = await database.db.person.create({
    data: {
      nip: `9000000000000000${String(ids.size).padStart(2, "0")}`,
      nipKind: "PNS",
      name: label,
      position: "Staf",
      unitId,
      active,
    },
  });
  ids.set(label, person.id);
  labels.set(person.id, label);
}

async function supervises(supervisor: string, report: string): Promise<void> {
  await database.db.supervisorRelation.create({
    data: { supervisorId: id(supervisor), personId: id(report), validFrom: new Date("2026-05-04") },
  });
}

async function activity(label: string, date: string, status: ActivityStatus, submittedAt?: string) {
  await database.db.activity.create({
    data: {
      personId: id(label),
      date: new Date(date),
      description: "Melayani warga",
      quantity: 1,
      unitLabel: "orang",
      minutes: 60,
      status,
      submittedAt: new Date(submittedAt ?? `${date}T09:00:00Z`),
    },
  });
}

async function absent(label: string, startDate: string, endDate: string) {
  await database.db.absence.create({
    data: { personId: id(label), kind: "CUTI", startDate: new Date(startDate), endDate: new Date(endDate) },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const imported = await importFiles(db, DEMO_FILES, { now: at("2026-05-04T03:00:00Z") });
  if (!imported.ok) throw new Error(imported.errors.join("\n"));
  for (const person of await db.person.findMany()) {
    const label = DEMO_LABELS[person.nip]!;
    ids.set(label, person.id);
    labels.set(person.id, label);
  }

  const ntb = await db.unit.create({ data: { code: "PROV-NTB", name: "NTB", timeZone: "Asia/Makassar" } });
  const mataram = await db.unit.create({
    data: { code: "KOTA-MTR", name: "Mataram", parentId: ntb.id, timeZone: "Asia/Makassar" },
  });
  const cakra = await db.unit.create({
    data: { code: "KEC-CAKRA", name: "Cakranegara", parentId: mataram.id, timeZone: "Asia/Makassar" },
  });
  const jayapura = await db.unit.create({
    data: { code: "KAB-JPR", name: "Jayapura", timeZone: "Asia/Jayapura" },
  });
  await db.unitSetting.create({ data: { unitId: mataram.id, workingDays: [1, 2, 3, 4, 5, 6] } });
  await db.holiday.create({
    data: {
      date: new Date("2026-06-03"),
      name: "HUT Kota Mataram",
      kind: "LIBUR_DAERAH",
      unitId: mataram.id,
      scope: mataram.id,
    },
  });
  await addPerson("ntb1", ntb.id);
  await addPerson("mtr1", mataram.id, false);
  await addPerson("cak1", cakra.id);
  await addPerson("cak2", cakra.id);
  await addPerson("jpr1", jayapura.id);
  await addPerson("jpr2", jayapura.id);
  await addPerson("jpr3", jayapura.id);
  await supervises("ntb1", "mtr1");
  await supervises("cak1", "cak2");
  await supervises("jpr1", "jpr2");
  await supervises("jpr1", "jpr3");

  // Everyone has a Telegram account except Rina (Slack), Nur (blocked the bot) and Rizky (never linked).
  for (const [label, personId] of ids) {
    if (label === "rizky") continue;
    await db.platformAccount.create({
      data: {
        personId,
        platform: label === "rina" ? "SLACK" : "TELEGRAM",
        externalId: `x-${label}`,
        address: `x-${label}`,
        reachable: label !== "nur",
      },
    });
  }
  // Camat acts for Dedi's team on Thursday and Friday.
  await db.delegation.create({
    data: {
      fromId: id("dedi"),
      toId: id("camat"),
      validFrom: new Date("2026-06-04"),
      validTo: new Date("2026-06-05"),
    },
  });

  // Tuesday 2026-06-02
  await activity("agus", "2026-06-02", "DIAJUKAN");
  await activity("budi", "2026-06-02", "DITOLAK");
  await activity("jpr3", "2026-06-02", "REVISI");
  await absent("dewi", "2026-06-01", "2026-06-02");
  // Wednesday 2026-06-03 (a regional holiday in Mataram and below)
  await activity("rina", "2026-06-03", "DISETUJUI");
  await activity("dedi", "2026-06-03", "DIAJUKAN");
  await activity("agus", "2026-06-03", "DIAJUKAN");
  await absent("nur", "2026-06-03", "2026-06-03");
  await activity("rizky", "2026-06-03", "DISETUJUI");
  await activity("budi", "2026-06-03", "DITOLAK");
  await activity("cak2", "2026-06-03", "DIAJUKAN", "2026-06-03T02:00:00Z");
  await activity("jpr2", "2026-06-03", "DIAJUKAN");
  await activity("jpr3", "2026-06-03", "REVISI");
});

afterAll(async () => {
  await database.drop();
});

beforeEach(async () => {
  await database.db.reminderDelivery.deleteMany();
});

/** "label date slot" of every row, sorted; optionally only the slots starting with `slotPrefix`. */
async function rows(slotPrefix = ""): Promise<string[]> {
  const all = await database.db.reminderDelivery.findMany({ where: { slot: { startsWith: slotPrefix } } });
  return all.map((r) => `${labels.get(r.personId)} ${r.date.toISOString().slice(0, 10)} ${r.slot}`).sort();
}

const each = (labelList: string[], date: string, slot: string) =>
  labelList.map((l) => `${l} ${date} ${slot}`);

describe("daily report reminders", () => {
  it("fall due at 15:30 and 19:30 in each unit's own zone, for exactly the people who should report", async () => {
    const day = "2026-06-02";
    const wit = ["jpr1", "jpr2"]; // jpr3's report is in revision
    const wita = ["cak1", "cak2", "ntb1"]; // mtr1 is inactive
    // dewi on leave, agus reported, nur unreachable, rizky unlinked; budi's only report was rejected
    const wib = ["budi", "camat", "dedi", "rina", "siti"];
    const steps: [string, string[]][] = [
      ["06:29", []],
      ["06:30", each(wit, day, "report-15:30")],
      ["07:29", each(wit, day, "report-15:30")],
      ["07:30", [...each(wit, day, "report-15:30"), ...each(wita, day, "report-15:30")]],
      ["08:29", [...each(wit, day, "report-15:30"), ...each(wita, day, "report-15:30")]],
      [
        "08:35",
        [
          ...each(wit, day, "report-15:30"),
          ...each(wita, day, "report-15:30"),
          ...each(wib, day, "report-15:30"),
        ],
      ],
    ];
    for (const [time, expected] of steps) {
      await planDueReminders(database.db, { now: at(`${day}T${time}:00Z`) });
      expect(await rows("report"), `at ${time}Z`).toEqual(expected.sort());
    }
    const afternoon = steps.at(-1)![1];
    const evening: [string, string[]][] = [
      ["10:29", []],
      ["10:30", each(wit, day, "report-19:30")],
      ["11:30", [...each(wit, day, "report-19:30"), ...each(wita, day, "report-19:30")]],
      [
        "12:30",
        [
          ...each(wit, day, "report-19:30"),
          ...each(wita, day, "report-19:30"),
          ...each(wib, day, "report-19:30"),
        ],
      ],
    ];
    for (const [time, expected] of evening) {
      await planDueReminders(database.db, { now: at(`${day}T${time}:00Z`) });
      expect(await rows("report"), `at ${time}Z`).toEqual([...afternoon, ...expected].sort());
    }

    const dueAt = async (label: string, slot: string) =>
      (
        await database.db.reminderDelivery.findFirstOrThrow({ where: { personId: id(label), slot } })
      ).dueAt.toISOString();
    expect(await dueAt("jpr1", "report-15:30")).toBe("2026-06-02T06:30:00.000Z");
    expect(await dueAt("cak1", "report-15:30")).toBe("2026-06-02T07:30:00.000Z");
    expect(await dueAt("siti", "report-19:30")).toBe("2026-06-02T12:30:00.000Z");
  });

  it("returns every due row still PLANNED, including those of an earlier tick, and none sent", async () => {
    const first = await planDueReminders(database.db, { now: at("2026-06-02T08:35:00Z") });
    const all = await database.db.reminderDelivery.findMany({ select: { id: true } });
    expect(first.planned).toBe(all.length);
    expect([...first.deliveryIds].sort()).toEqual(all.map((r) => r.id).sort());

    const sent = await database.db.reminderDelivery.findFirstOrThrow({ where: { personId: id("siti") } });
    await database.db.reminderDelivery.update({ where: { id: sent.id }, data: { status: "SENT" } });
    const again = await planDueReminders(database.db, { now: at("2026-06-02T08:36:00Z") });
    expect(again.planned).toBe(0);
    expect([...again.deliveryIds].sort()).toEqual(
      all
        .map((r) => r.id)
        .filter((rowId) => rowId !== sent.id)
        .sort(),
    );
  });

  it("are not planned on a weekend, a national holiday or cuti bersama, except where the unit works", async () => {
    for (const now of ["2026-06-01T14:00:00Z", "2026-05-27T14:00:00Z", "2026-05-28T14:00:00Z"]) {
      const result = await planDueReminders(database.db, { now: at(now) });
      expect(result, now).toEqual({ planned: 0, deliveryIds: [], skippedUnitIds: [], expired: 0 });
    }
    // Saturday: only Mataram and the kecamatan below it work (their settings: Monday to Saturday).
    await planDueReminders(database.db, { now: at("2026-06-06T14:00:00Z") });
    expect(await rows()).toEqual(
      [
        ...each(["cak1", "cak2"], "2026-06-06", "report-15:30"),
        ...each(["cak1", "cak2"], "2026-06-06", "report-19:30"),
        "cak1 2026-06-06 escalation", // cak2 did not report on Friday
        "cak1 2026-06-06 pending-review", // cak2's report of Wednesday waits since then
        // Cakranegara's head: June's recognition window (its first five working days) has begun.
        "cak1 2026-06-06 penghargaan:2026-05",
      ].sort(),
    );
  });

  it("skip a regional holiday of the unit or any unit above it, not of a unit below", async () => {
    const day = "2026-06-03";
    await planDueReminders(database.db, { now: at(`${day}T14:00:00Z`) });
    const wita = ["ntb1"]; // Mataram's holiday holds for Cakranegara, not for the province
    const wit = ["jpr1"]; // jpr2 submitted, jpr3 in revision
    const wib = ["budi", "camat", "dewi", "siti"]; // rina approved, dedi and agus submitted, nur absent
    expect(await rows("report")).toEqual(
      [
        ...each([...wita, ...wit, ...wib], day, "report-15:30"),
        ...each([...wita, ...wit, ...wib], day, "report-19:30"),
      ].sort(),
    );
  });

  it("plan a slot missed during downtime later the same day, and not once the unit's day is over", async () => {
    // 15:30Z: 22:30 in WIB and 23:30 in WITA on Thursday, already 00:30 on Friday in WIT.
    const late = await planDueReminders(database.db, { now: at("2026-06-04T15:30:00Z") });
    const wib = ["agus", "budi", "camat", "dedi", "dewi", "rina", "siti"];
    const wita = ["cak1", "cak2", "ntb1"];
    expect(await rows("report")).toEqual(
      [
        ...each([...wib, ...wita], "2026-06-04", "report-15:30"),
        ...each([...wib, ...wita], "2026-06-04", "report-19:30"),
      ].sort(),
    );
    expect(late.deliveryIds).toHaveLength(late.planned);
    const missed = await database.db.reminderDelivery.findFirstOrThrow({
      where: { personId: id("siti"), slot: "report-15:30" },
    });
    expect(missed.dueAt.toISOString()).toBe("2026-06-04T08:30:00.000Z");

    // Nothing ran on Thursday: on Friday morning none of Thursday's slots is planned any more.
    await database.db.reminderDelivery.deleteMany();
    await planDueReminders(database.db, { now: at("2026-06-05T00:30:00Z") });
    expect((await rows()).filter((row) => row.includes("2026-06-04"))).toEqual([]);
  });

  it("close the PLANNED rows of a day already over (a lost job), in each unit's own zone, and nothing else", async () => {
    // Thursday 19:35 WIB: both slots due in WIB and WITA, planned but (as if Redis lost the jobs) never sent.
    const thursday = await planDueReminders(database.db, { now: at("2026-06-04T12:35:00Z") });
    expect(thursday.planned).toBeGreaterThan(0);
    const sent = await database.db.reminderDelivery.findFirstOrThrow({ where: { personId: id("siti") } });
    await database.db.reminderDelivery.update({ where: { id: sent.id }, data: { status: "SENT" } });
    const older = await database.db.reminderDelivery.create({
      data: { personId: id("budi"), date: new Date("2026-05-20"), slot: "report-15:30", status: "PLANNED" },
    });

    // 16:30Z: 23:30 on Thursday in WIB, already Friday in WITA (00:30) and WIT (01:30): only their rows close.
    const midnightWita = await planDueReminders(database.db, {
      now: at("2026-06-04T16:30:00Z"),
      sweepDays: 3,
    });
    const closed = await database.db.reminderDelivery.findMany({ where: { status: "SKIPPED" } });
    expect(midnightWita.expired).toBe(closed.length);
    expect(new Set(closed.map((r) => labels.get(r.personId)))).toEqual(
      new Set(["cak1", "cak2", "ntb1", "jpr1", "jpr2", "jpr3"]),
    );
    // Friday 07:00 WIB: Thursday is over everywhere; rows from before the look-back are left alone.
    const friday = await planDueReminders(database.db, { now: at("2026-06-05T00:00:00Z"), sweepDays: 3 });
    expect(friday.expired).toBe(thursday.planned - 1 - midnightWita.expired);
    const thursdayRows = await database.db.reminderDelivery.findMany({
      where: { date: new Date("2026-06-04") },
    });
    expect(thursdayRows.filter((r) => r.status === "PLANNED")).toEqual([]);
    expect(thursdayRows.filter((r) => r.status === "SKIPPED").every((r) => r.error === DAY_OVER)).toBe(true);
    expect(thursdayRows.find((r) => r.id === sent.id)?.status).toBe("SENT");
    expect((await database.db.reminderDelivery.findUniqueOrThrow({ where: { id: older.id } })).status).toBe(
      "PLANNED",
    );
    // Without sweepDays (the scheduler's passes between full ones) nothing is swept.
    await database.db.reminderDelivery.update({ where: { id: sent.id }, data: { status: "PLANNED" } });
    expect((await planDueReminders(database.db, { now: at("2026-06-05T00:00:00Z") })).expired).toBe(0);
  });

  it("give one row per person, day and slot when two planners run at the same instant", async () => {
    const now = at("2026-06-04T12:35:00Z");
    const [a, b] = await Promise.all([
      planDueReminders(database.db, { now }),
      planDueReminders(database.db, { now }),
    ]);
    const all = await database.db.reminderDelivery.findMany({ select: { id: true } });
    expect(all.length).toBeGreaterThan(20);
    expect(a.planned + b.planned).toBe(all.length);
    expect([...new Set([...a.deliveryIds, ...b.deliveryIds])].sort()).toEqual(all.map((r) => r.id).sort());
  });
});

describe("supervisor reminders", () => {
  it("escalate at 09:00 local on the next working day about reports missing on the previous one", async () => {
    // Thursday: Rina's staff did not report on Wednesday (Budi's report was rejected; Dewi's leave had
    // ended). Cakranegara's previous working day is Tuesday (Wednesday was its regional holiday), when
    // cak2 did not report. Camat's, Dedi's and jpr1's reports all reported or were absent; mtr1 is inactive.
    const steps: [string, string[]][] = [
      ["2026-06-03T23:59:00Z", []],
      ["2026-06-04T00:00:00Z", []], // 09:00 WIT
      ["2026-06-04T00:59:00Z", []],
      ["2026-06-04T01:00:00Z", ["cak1 2026-06-04 escalation"]], // 09:00 WITA
      ["2026-06-04T01:59:00Z", ["cak1 2026-06-04 escalation"]],
      ["2026-06-04T02:00:00Z", ["cak1 2026-06-04 escalation", "rina 2026-06-04 escalation"]], // 09:00 WIB
    ];
    for (const [now, expected] of steps) {
      await planDueReminders(database.db, { now: at(now) });
      expect(await rows("escalation"), now).toEqual(expected);
    }
  });

  it("remind at 08:00 local of reports waiting more than one working day, to supervisors and delegates", async () => {
    // Thursday 08:00 WIB: Agus's report of Tuesday still waits; Dedi's team is delegated to the camat.
    await planDueReminders(database.db, { now: at("2026-06-04T00:59:00Z") });
    expect(await rows("pending-review")).toEqual([]);
    await planDueReminders(database.db, { now: at("2026-06-04T01:00:00Z") });
    expect(await rows("pending-review")).toEqual([
      "camat 2026-06-04 pending-review",
      "dedi 2026-06-04 pending-review",
    ]);
    // Friday 08:00 WITA: cak2's report of Wednesday (a holiday there) now waited all of Thursday;
    // jpr2's report of Wednesday too (08:00 WIT was an hour earlier).
    await database.db.reminderDelivery.deleteMany();
    await planDueReminders(database.db, { now: at("2026-06-05T00:00:00Z") });
    expect(await rows("pending-review")).toEqual([
      "cak1 2026-06-05 pending-review",
      "jpr1 2026-06-05 pending-review",
    ]);
  });
});

describe("the scheduler", () => {
  let redis: Redis[] = [];
  const prefix = `t${randomBytes(4).toString("hex")}`;
  const connect = () => {
    const connection = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    redis.push(connection);
    return connection;
  };

  const clearQueue = async () => {
    const queue = createReminderQueue(connect(), prefix);
    await queue.obliterate({ force: true });
    await queue.close();
  };

  afterAll(async () => {
    await clearQueue();
    await Promise.all(redis.map((connection) => connection.quit()));
    redis = [];
  });

  it("enqueues one job per row when two schedulers run at once on separate connections", async () => {
    await clearQueue();
    const clock = () => at("2026-06-04T12:35:00Z");
    const queues = [createReminderQueue(connect(), prefix), createReminderQueue(connect(), prefix)];
    const schedulers = queues.map((queue) => startScheduler({ db: database.db, queue, logger, clock }));
    // The start passes (catch-up) run first; one more pass each, at once.
    const passes = await Promise.all(schedulers.map((s) => s.runOnce()));
    await Promise.all(schedulers.map((s) => s.stop()));

    const all = await database.db.reminderDelivery.findMany({ select: { id: true } });
    expect(all.length).toBeGreaterThan(20);
    // The start passes planned and enqueued everything; the next ones find nothing new to enqueue.
    expect(passes.map((p) => [p?.planned, p?.due, p?.enqueued])).toEqual([
      [0, all.length, 0],
      [0, all.length, 0],
    ]);
    const counts = await queues[0]!.getJobCounts("waiting", "delayed", "active", "completed", "failed");
    expect(counts).toEqual({ waiting: all.length, delayed: 0, active: 0, completed: 0, failed: 0 });
    const jobs = await queues[0]!.getJobs(["waiting"]);
    expect(jobs.map((job) => job.id).sort()).toEqual(all.map((r) => reminderJobId(r.id)).sort());
    expect(jobs.every((job) => all.some((r) => r.id === job.data.deliveryId))).toBe(true);
    await Promise.all(queues.map((queue) => queue.close()));
  });

  it("enqueues again the jobs of rows still PLANNED when Redis lost them", async () => {
    await clearQueue();
    const clock = () => at("2026-06-04T12:35:00Z");
    const queue = createReminderQueue(connect(), prefix);
    const scheduler = startScheduler({ db: database.db, queue, logger, clock, fullEnqueueEveryMs: 0 });
    const first = await scheduler.runOnce(); // after the start pass, which planned and enqueued
    const rowCount = await database.db.reminderDelivery.count();
    expect(first).toMatchObject({ planned: 0, due: rowCount, enqueued: rowCount });
    expect(await queue.count()).toBe(rowCount);
    await queue.obliterate({ force: true });
    expect(await scheduler.runOnce()).toMatchObject({ planned: 0, due: rowCount, enqueued: rowCount });
    expect(await queue.count()).toBe(rowCount);
    await scheduler.stop();
    await queue.close();
  });

  it("plans a slot on the first tick after it falls due, and stops", async () => {
    await clearQueue();
    let now = at("2026-06-02T08:29:00Z");
    const queue = createReminderQueue(connect(), prefix);
    const scheduler = startScheduler({
      db: database.db,
      queue,
      logger,
      clock: () => now,
      tickCron: "* * * * * *",
    });
    await scheduler.runOnce();
    expect(await rows("report-15:30")).not.toContain("siti 2026-06-02 report-15:30");
    now = at("2026-06-02T08:31:00Z");
    await vi.waitFor(
      async () => expect(await rows("report-15:30")).toContain("siti 2026-06-02 report-15:30"),
      { timeout: 5_000, interval: 50 },
    );
    await scheduler.stop();
    expect(await scheduler.runOnce()).toBeNull();
    const planned = await database.db.reminderDelivery.count();
    expect(await queue.count()).toBe(planned);
    await queue.close();
  });
});
