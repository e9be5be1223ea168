import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createReminderQueue } from "../../jobs/reminder-queue.ts";
import { startScheduler } from "../../jobs/scheduler.ts";
import { createDb, type Db } from "../../src/db/client.ts";
import type { EvaluationStatus } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { closeExpiredEvaluations, EVALUATION_FINAL_ACTION } from "../../src/services/evaluation-closing.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * Results with no objection become final once the objection window is over (issue 12 item 5): the
 * scheduler closes DINILAI rows whose `objection_until` is before today in the person's unit zone.
 * "Now" is Thursday 16 July 2026, 23:30 WIB = 17 July 00:30 WITA = 01:30 WIT.
 */
const NOW = new Date("2026-07-16T16:30:00Z");
let database: TestDatabase;
let second: Db;
let rater: string;
const people = new Map<string, string>();
const labels = new Map<string, string>();
let count = 0;

async function personIn(unitId: string, label: string): Promise<string> {
  count += 1;
  const p = await database.db.person.create({
    data: {
      nip: `9200000000000000${String(count).padStart(2, "0")}`,
      nipKind: "PNS",
      name: label,
      position: "Staf",
      unitId,
    },
  });
  people.set(label, p.id);
  labels.set(p.id, label);
  return p.id;
}

async function evaluation(
  label: string,
  status: EvaluationStatus,
  objectionUntil: string,
  periodCode = "2026-TW2",
) {
  return database.db.evaluation.create({
    data: {
      personId: people.get(label)!,
      raterId: rater,
      periodCode,
      periodName: "Triwulan II 2026",
      periodKind: "TRIWULAN",
      startDate: new Date("2026-04-01"),
      endDate: new Date("2026-06-30"),
      ratingDeadline: new Date("2026-07-14"),
      ratingHasilKerja: "SESUAI",
      ratingPerilaku: "SESUAI",
      predikat: "BAIK",
      status,
      ratedAt: new Date("2026-07-01T03:00:00Z"),
      toldOn: new Date("2026-07-01"),
      objectionUntil: new Date(objectionUntil),
      ...(status === "FINAL" ? { finalAt: new Date("2026-07-10T00:00:00Z") } : {}),
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  second = createDb(database.url, { poolSize: 2 });
  const wib = await database.db.unit.create({
    data: { code: "C-WIB", name: "WIB", timeZone: "Asia/Jakarta" },
  });
  const wita = await database.db.unit.create({
    data: { code: "C-WITA", name: "WITA", timeZone: "Asia/Makassar" },
  });
  const wit = await database.db.unit.create({
    data: { code: "C-WIT", name: "WIT", timeZone: "Asia/Jayapura" },
  });
  rater = await personIn(wib.id, "rater");
  for (const label of ["expired", "lastDay", "objected", "final", "expired2"]) await personIn(wib.id, label);
  await personIn(wita.id, "wita");
  await personIn(wit.id, "wit");
});

afterAll(async () => {
  await second.$disconnect();
  await database.drop();
});

beforeEach(async () => {
  await database.db.evaluation.deleteMany();
  await database.db.auditLog.deleteMany();
});

async function statuses(): Promise<Record<string, string>> {
  const all = await database.db.evaluation.findMany();
  return Object.fromEntries(all.map((e) => [labels.get(e.personId)!, e.status]));
}

describe("closing evaluation results", () => {
  it("makes final only DINILAI results whose objection window ended before today in the person's zone, and audits each", async () => {
    await evaluation("expired", "DINILAI", "2026-07-15"); // WIB today is 16 July
    await evaluation("lastDay", "DINILAI", "2026-07-16"); // may still object today
    await evaluation("objected", "KEBERATAN", "2026-07-01"); // awaits the decision
    const final = await evaluation("final", "FINAL", "2026-07-01");
    await evaluation("wita", "DINILAI", "2026-07-16"); // WITA today is already 17 July
    await evaluation("wit", "DINILAI", "2026-07-16"); // and WIT's too

    expect(await closeExpiredEvaluations(database.db, NOW)).toBe(3);
    expect(await statuses()).toEqual({
      expired: "FINAL",
      lastDay: "DINILAI",
      objected: "KEBERATAN",
      final: "FINAL",
      wita: "FINAL",
      wit: "FINAL",
    });
    const closed = await database.db.evaluation.findMany({
      where: { personId: { in: ["expired", "wita", "wit"].map((l) => people.get(l)!) } },
    });
    for (const row of closed) {
      expect(row.finalAt).toEqual(NOW);
      expect(row.version).toBe(2);
    }
    // The row already final is left as it was.
    expect((await database.db.evaluation.findUniqueOrThrow({ where: { id: final.id } })).finalAt).toEqual(
      new Date("2026-07-10T00:00:00Z"),
    );
    const audit = await database.db.auditLog.findMany();
    expect(audit.map((a) => [a.action, a.via, a.entity, a.actorId]).sort()).toEqual(
      Array(3).fill([EVALUATION_FINAL_ACTION, "scheduler", "evaluation", null]),
    );
    expect(new Set(audit.map((a) => a.entityId))).toEqual(new Set(closed.map((c) => c.id)));
    expect(audit.every((a) => a.at.getTime() === NOW.getTime())).toBe(true);
    expect(audit.find((a) => a.entityId === closed[0]!.id)?.detail).toMatchObject({
      periodCode: "2026-TW2",
      personId: closed[0]!.personId,
    });

    // Idempotent: nothing more to close, nothing more audited.
    expect(await closeExpiredEvaluations(database.db, NOW)).toBe(0);
    expect(await database.db.auditLog.count()).toBe(3);
    // The next day (WIB), the last-day result closes too.
    expect(await closeExpiredEvaluations(database.db, new Date("2026-07-16T17:00:00Z"))).toBe(1);
    expect((await statuses()).lastDay).toBe("FINAL");
  });

  it("closes each result once when two schedulers run at once", async () => {
    for (const label of ["expired", "expired2", "wita", "wit"])
      await evaluation(label, "DINILAI", "2026-07-10");
    const closed = await Promise.all([
      closeExpiredEvaluations(database.db, NOW),
      closeExpiredEvaluations(second, NOW),
      closeExpiredEvaluations(database.db, NOW),
      closeExpiredEvaluations(second, NOW),
    ]);
    expect(closed.reduce((a, b) => a + b, 0)).toBe(4);
    expect(await database.db.auditLog.count({ where: { action: EVALUATION_FINAL_ACTION } })).toBe(4);
    expect(Object.values(await statuses())).toEqual(Array(4).fill("FINAL"));
  });

  it("runs on the scheduler's tick", async () => {
    await evaluation("expired", "DINILAI", "2026-07-15");
    const redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    const queue = createReminderQueue(redis, `t${randomBytes(4).toString("hex")}`);
    const scheduler = startScheduler({
      db: database.db,
      queue,
      logger: createLogger("silent"),
      clock: () => NOW,
    });
    const pass = await scheduler.runOnce(); // after the start pass, which closed it
    await scheduler.stop();
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.quit();
    expect(pass?.finalised).toBe(0);
    expect(await statuses()).toEqual({ expired: "FINAL" });
    expect(await database.db.auditLog.count({ where: { action: EVALUATION_FINAL_ACTION } })).toBe(1);
  });
});
