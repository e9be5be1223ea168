/**
 * A reminder worker as its own process, for tests and the reminder benchmark that kill one (SIGKILL)
 * while it sends. Reads its settings from the environment:
 *   DATABASE_URL, REDIS_URL, REDIS_PREFIX, TELEGRAM_API_ROOT, TELEGRAM_BOT_TOKEN, TELEGRAM_SEND_RATE,
 *   REMINDER_CONCURRENCY (8), REMINDER_LOCK_MS (30000), REMINDER_STALLED_MS (BullMQ's default),
 *   REMINDER_PACE_MARGIN (0.03), REMINDER_BATCH_MS (5),
 *   REMINDER_CLOCK_OFFSET_MS (0: the clock runs at real speed, shifted to the instant under test)
 * Prints "reminder worker ready" once it takes jobs, "sent <n>" every 100 messages, and closes
 * gracefully on SIGTERM.
 */
import { createTelegramProactiveSender } from "../../adapters/telegram/outbound.ts";
import { startReminderWorker } from "../../jobs/reminder-worker.ts";
import { createDb } from "../../src/db/client.ts";
import { createLogger } from "../../src/logger.ts";
import { createRedis } from "../../src/redis.ts";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function optionalInt(name: string): number | undefined {
  const value = process.env[name];
  return value ? Number(value) : undefined;
}

const db = createDb(required("DATABASE_URL"), { poolSize: 8 });
const connection = createRedis(required("REDIS_URL"), "worker");
const lockDurationMs = optionalInt("REMINDER_LOCK_MS");
const stalledIntervalMs = optionalInt("REMINDER_STALLED_MS");
const paceMargin = process.env.REMINDER_PACE_MARGIN ? Number(process.env.REMINDER_PACE_MARGIN) : undefined;
const batchWindowMs = optionalInt("REMINDER_BATCH_MS");
const clockOffsetMs = optionalInt("REMINDER_CLOCK_OFFSET_MS") ?? 0;
const reminders = startReminderWorker({
  connection,
  prefix: required("REDIS_PREFIX"),
  db,
  databaseUrl: required("DATABASE_URL"),
  outbound: createTelegramProactiveSender(required("TELEGRAM_BOT_TOKEN"), required("TELEGRAM_API_ROOT")),
  logger: createLogger(process.env.LOG_LEVEL ?? "warn"),
  defaultLocale: "id",
  clock: () => new Date(Date.now() + clockOffsetMs),
  sendRatePerSecond: Number(required("TELEGRAM_SEND_RATE")),
  concurrency: optionalInt("REMINDER_CONCURRENCY") ?? 8,
  ...(lockDurationMs !== undefined ? { lockDurationMs } : {}),
  ...(stalledIntervalMs !== undefined ? { stalledIntervalMs } : {}),
  ...(paceMargin !== undefined ? { paceMargin } : {}),
  ...(batchWindowMs !== undefined ? { batchWindowMs } : {}),
});

let sent = 0;
reminders.worker.on("completed", (_job, outcome) => {
  if (outcome !== "sent") return;
  sent += 1;
  if (sent % 100 === 0) process.stdout.write(`sent ${sent}\n`);
});

await reminders.worker.waitUntilReady();
process.stdout.write("reminder worker ready\n");

process.once("SIGTERM", () => {
  void (async () => {
    await reminders.close(10_000);
    await connection.quit().catch(() => undefined);
    await db.$disconnect();
    process.exit(0);
  })();
});
