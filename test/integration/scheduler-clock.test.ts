import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createReminderQueue } from "../../jobs/reminder-queue.ts";
import { startScheduler } from "../../jobs/scheduler.ts";
import type { Db } from "../../src/db/client.ts";
import { createLogger } from "../../src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/**
 * The scheduler on node-cron's own clock, ticking every second instead of every minute. Waits are on
 * what the passes did (the injected clock is read once per pass), never on how long anything took.
 */
let database: TestDatabase;
let redis: Redis;
const prefix = `t${randomBytes(4).toString("hex")}`;
const EVERY_SECOND = "* * * * * *";

beforeAll(async () => {
  database = await createTestDatabase();
  redis = new Redis("redis://127.0.0.1:6379", { maxRetriesPerRequest: null });
});
afterAll(async () => {
  const queue = createReminderQueue(redis, prefix);
  await queue.obliterate({ force: true });
  await queue.close();
  await redis.quit();
  await database.drop();
});

/** A clock that counts the passes reading it. */
function countingClock() {
  const counter = { passes: 0, now: () => new Date("2026-06-04T12:35:00Z") };
  return {
    counter,
    clock: () => {
      counter.passes += 1;
      return counter.now();
    },
  };
}

/** Log lines at debug level, kept for the test to wait on. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("debug", stream) };
}

/** The database, with every raw statement held until `open()` (a slow PostgreSQL). */
function gatedDb(db: Db) {
  let release: () => void = () => undefined;
  let gate: Promise<void> = new Promise((resolve) => {
    release = resolve;
  });
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== "$executeRaw" && property !== "$queryRaw") return value;
      return async (...args: unknown[]) => {
        await gate;
        return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      };
    },
  });
  return {
    db: proxy,
    open: () => {
      release();
      gate = Promise.resolve();
    },
  };
}

describe("the scheduler's clock (node-cron)", () => {
  it("runs a pass at start and then one on every tick", async () => {
    const { counter, clock } = countingClock();
    const queue = createReminderQueue(redis, prefix);
    const scheduler = startScheduler({
      db: database.db,
      queue,
      logger: createLogger("silent"),
      clock,
      tickCron: EVERY_SECOND,
    });
    // The start pass, then at least two passes node-cron started on its own.
    await vi.waitFor(() => expect(counter.passes).toBeGreaterThanOrEqual(3), {
      timeout: 10_000,
      interval: 20,
    });
    await scheduler.stop();
    const afterStop = counter.passes;
    expect(await scheduler.runOnce()).toBeNull();
    expect(counter.passes).toBe(afterStop);
    await queue.close();
  });

  it("skips the ticks that come while a pass is still running, and goes on after it", async () => {
    const { counter, clock } = countingClock();
    const { lines, logger } = capturingLogger();
    const slow = gatedDb(database.db);
    const queue = createReminderQueue(redis, prefix);
    const scheduler = startScheduler({ db: slow.db, queue, logger, clock, tickCron: EVERY_SECOND });
    const skipped = () => lines.filter((line) => line.includes("this tick is skipped")).length;
    // The start pass hangs on PostgreSQL; two ticks pass by without starting another.
    await vi.waitFor(() => expect(skipped()).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    expect(counter.passes).toBe(1);
    slow.open();
    await vi.waitFor(() => expect(counter.passes).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
      interval: 20,
    });
    await scheduler.stop();
    await queue.close();
  });
});
