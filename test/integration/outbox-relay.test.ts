import { randomBytes, randomUUID } from "node:crypto";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotificationQueue } from "../../jobs/notification-queue.ts";
import { startOutboxRelay } from "../../jobs/outbox-relay.ts";
import type { Effect } from "../../src/conversation/context.ts";
import { createLogger } from "../../src/logger.ts";
import type { NotificationJob } from "../../src/outbox/notification-job.ts";
import {
  claimOutboxRow,
  markDone,
  recordSent,
  releaseOutboxRow,
  writeEffects,
} from "../../src/outbox/outbox.ts";
import { createRedis } from "../../src/redis.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
let database: TestDatabase;
let connection: Redis;
let queue: Queue<NotificationJob>;
let prefix: string;

beforeAll(async () => {
  database = await createTestDatabase();
  prefix = `test-outbox-${randomBytes(4).toString("hex")}`;
  connection = createRedis(REDIS_URL, "worker");
  queue = createNotificationQueue(connection, prefix);
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  await database.drop();
});

const effects = (n: number): Effect[] =>
  Array.from({ length: n }, () => ({ kind: "feedback-given" as const, feedbackId: randomUUID() }));

describe("the outbox", () => {
  it("writes a turn's effects only when its transaction commits, and one effect once", async () => {
    const kept = effects(2);
    await database.db
      .$transaction(async (tx) => {
        await writeEffects(tx, effects(3));
        throw new Error("the turn fails");
      })
      .catch(() => {});
    await database.db.$transaction(async (tx) => {
      await writeEffects(tx, kept);
      await writeEffects(tx, kept);
    });
    const rows = await database.db.outboxEvent.findMany();
    expect(rows.map((r) => r.jobId).sort()).toEqual(
      kept.map((e) => `feedback-${(e as { feedbackId: string }).feedbackId}`).sort(),
    );
  });

  it("two relays, and a relay that forgot its note, enqueue each row once", async () => {
    await database.db.$transaction((tx) => writeEffects(tx, effects(250)));
    const logger = createLogger("silent");
    const relays = [1, 2].map(() =>
      startOutboxRelay({ db: database.db, queue, connection, logger, everyMs: 60_000, batchSize: 100 }),
    );
    await Promise.all(relays.map((relay) => relay.runOnce()));
    // As if a relay died after its enqueue and before it noted it: the rows are handed over again.
    await database.db.outboxEvent.updateMany({ data: { relayedAt: null } });
    await Promise.all(relays.map((relay) => relay.runOnce()));
    await Promise.all(relays.map((relay) => relay.close()));
    expect(await database.db.outboxEvent.count({ where: { relayedAt: null } })).toBe(0);
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "completed", "failed");
    const jobs = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(jobs).toBe(252);
    const waiting = await queue.getJobs(["waiting"], 0, 0);
    expect(waiting[0]?.id).toMatch(/^feedback-/);
    expect(waiting[0]?.data.outboxId).toMatch(/^\d+$/);
  });

  it("lets one run of a row send at a time, and remembers who has had it", async () => {
    await database.db.$transaction((tx) => writeEffects(tx, effects(1)));
    const row = await database.db.outboxEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const id = String(row.id);
    const first = await claimOutboxRow(database.db, id, 60_000);
    expect(first).toMatchObject({ done: false });
    expect(await claimOutboxRow(database.db, id, 60_000)).toBe("claimed");
    await recordSent(database.db, id, "person-a");
    await recordSent(database.db, id, "person-a");
    await releaseOutboxRow(database.db, id);
    const again = await claimOutboxRow(database.db, id, 60_000);
    expect(again !== "claimed" && again !== null && [...again.sentTo]).toEqual(["person-a"]);
    await markDone(database.db, id);
    expect(await claimOutboxRow(database.db, id, 60_000)).toMatchObject({ done: true });
    expect(await claimOutboxRow(database.db, "999999999", 60_000)).toBeNull();
  });
});
