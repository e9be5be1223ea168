import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReminderQueue } from "../../jobs/reminder-queue.ts";
import { startScheduler } from "../../jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import { DEFAULT_RETENTION, pruneOldRows } from "../../src/services/retention.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const now = new Date("2026-06-10T03:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

async function seed(): Promise<void> {
  const { db } = database;
  await db.processedEvent.createMany({
    data: [
      { key: "tg:old", platform: "TELEGRAM", receivedAt: ago(8 * DAY) },
      { key: "sl:old", platform: "SLACK", receivedAt: ago(7 * DAY + 1) },
      { key: "tg:new", platform: "TELEGRAM", receivedAt: ago(6 * DAY) },
      { key: "sl:new", platform: "SLACK", receivedAt: ago(HOUR) },
    ],
  });
  await db.linkAttempt.createMany({
    data: [
      { platform: "TELEGRAM", externalId: "old", succeeded: false, at: ago(2 * HOUR) },
      { platform: "TELEGRAM", externalId: "old-ok", succeeded: true, at: ago(HOUR + 1) },
      { platform: "TELEGRAM", externalId: "new", succeeded: false, at: ago(59 * 60 * 1000) },
    ],
  });
  const outbox = (jobId: string, relayedAt: Date | null, doneAt: Date | null) => ({
    kind: "notice",
    payload: {},
    jobId,
    createdAt: ago(30 * DAY),
    relayedAt,
    doneAt,
  });
  await db.outboxEvent.createMany({
    data: [
      outbox("old-done", ago(8 * DAY), ago(8 * DAY)),
      outbox("old-relayed", ago(9 * DAY), null),
      outbox("recent-done", ago(8 * DAY), ago(2 * DAY)),
      outbox("recent", ago(DAY), ago(DAY)),
      outbox("never-relayed", null, null),
    ],
  });
  // Dialogs: an abandoned one of an unknown account (a citizen's survey), a fresh one, a linked person's old one.
  const dialog = (externalId: string, expiresAt: Date) => ({
    platform: "TELEGRAM" as const,
    externalId,
    flow: "s",
    step: "u5",
    data: {},
    expiresAt,
  });
  await db.conversationState.createMany({
    data: [
      dialog("citizen-old", ago(DAY + HOUR)),
      dialog("citizen-new", ago(HOUR)),
      dialog("linked-old", ago(9 * DAY)),
    ],
  });
  const unit = await db.unit.create({ data: { code: "R-UNIT", name: "Unit", timeZone: "Asia/Jakarta" } });
  const person = await db.person.create({
    data: { nip: "199001012015011001", nipKind: "PNS", name: "Linked", position: "Staf", unitId: unit.id },
  });
  await db.platformAccount.create({
    data: { personId: person.id, platform: "TELEGRAM", externalId: "linked-old", address: "linked-old" },
  });
}

async function remaining() {
  const { db } = database;
  return {
    events: (await db.processedEvent.findMany({ orderBy: { key: "asc" } })).map((r) => r.key),
    tries: (await db.linkAttempt.findMany({ orderBy: { externalId: "asc" } })).map((r) => r.externalId),
    outbox: (await db.outboxEvent.findMany({ orderBy: { jobId: "asc" } })).map((r) => r.jobId),
    dialogs: (await db.conversationState.findMany({ orderBy: { externalId: "asc" } })).map(
      (r) => r.externalId,
    ),
  };
}

const KEPT = {
  events: ["sl:new", "tg:new"],
  tries: ["new"],
  outbox: ["never-relayed", "recent", "recent-done"],
  dialogs: ["citizen-new", "linked-old"],
};

describe("pruning bookkeeping rows", () => {
  it("deletes only the rows past their retention, in batches", async () => {
    await seed();
    // Batches of one: every table needs several statements.
    const result = await pruneOldRows(database.db, now, { ...DEFAULT_RETENTION, batchSize: 1 });
    expect(result).toEqual({ processedEvents: 2, linkAttempts: 2, outboxEvents: 2, unlinkedDialogs: 1 });
    expect(await remaining()).toEqual(KEPT);
    // Again: nothing more to delete.
    expect(await pruneOldRows(database.db, now)).toEqual({
      processedEvents: 0,
      linkAttempts: 0,
      outboxEvents: 0,
      unlinkedDialogs: 0,
    });
  });

  it("runs as the scheduler's daily job on node-cron's clock", async () => {
    await database.db.processedEvent.deleteMany();
    await database.db.linkAttempt.deleteMany();
    await database.db.outboxEvent.deleteMany();
    await database.db.conversationState.deleteMany();
    await database.db.platformAccount.deleteMany();
    await database.db.person.deleteMany();
    await database.db.unit.deleteMany();
    await seed();
    const redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
    const queue = createReminderQueue(redis, `t${randomBytes(4).toString("hex")}`);
    const scheduler = startScheduler({
      db: database.db,
      queue,
      logger: createLogger("silent"),
      clock: () => now,
      // The daily pattern made to come every second, so the test does not wait for 02:30.
      pruneCron: "* * * * * *",
    });
    await expect
      .poll(async () => (await remaining()).events, { timeout: 10_000, interval: 50 })
      .toEqual(KEPT.events);
    await scheduler.stop();
    expect(await remaining()).toEqual(KEPT);
    await queue.obliterate({ force: true });
    await queue.close();
    await redis.quit();
  });
});
