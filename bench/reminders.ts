/**
 * `npm run bench:reminders [-- --employees=100000 --rate=1000 --workers=1 --concurrency=48 --kill | --no-kill]`
 *
 * Reminder fan-out (SPEC section 11): `employees` people with a linked Telegram account in units of the
 * three Indonesian zones, one slot planned by the product's planner and enqueued (timed: plan_ms), then
 * sent by reminder workers, each its own process, through the real Telegram sender to a Bot API stand-in
 * served here that enforces the configured rate (429 with retry_after above it). Every message is
 * counted per chat, so duplicates and misses are what people would have seen. Two runs by default: a
 * plain one, and one where, halfway, another worker is started and the first killed (SIGKILL). `--kill`
 * runs only the second, `--no-kill` only the first. The rate is messages delivered over the time from
 * the first to the last delivery.
 *
 * Reads DATABASE_URL and REDIS_URL like the product; uses the database `<name>_reminders` and the Redis
 * prefix `bench-reminders`. The rate is `--rate`, else TELEGRAM_SEND_RATE, else 1000 per second.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { Redis } from "ioredis";
import { startTelegramBotApi } from "../adapters/simulator/telegram-bot-api.ts";
import { createReminderQueue, enqueueReminders } from "../jobs/reminder-queue.ts";
import { REQUEST_LEFT } from "../jobs/reminder-worker.ts";
import { createDb, type Db } from "../src/db/client.ts";
import { planDueReminders } from "../src/services/reminder-planner.ts";
import { benchDatabaseUrl, benchEnv, intArg, prepareDatabase, root } from "./support.ts";

const TOKEN = "7000000003:BENCHremindersBENCHreminders12345";
const PREFIX = "bench-reminders";
/** Tuesday 24 November 2026, 15:30 WIB = 16:30 WITA = 17:30 WIT: "report-15:30" is due in every zone. */
const NOW = new Date("2026-11-24T08:30:00.000Z");
const DAY = "2026-11-24";
const SLOT = "report-15:30";
const ZONES = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] as const;
const UNITS_PER_ZONE = 3;
/** Bench workers give up a dead worker's jobs after 5 s (the product's default is 30 s). */
const LOCK_MS = 5_000;

const employees = intArg("employees", 100_000);
const rate = intArg("rate", Number(benchEnv("TELEGRAM_SEND_RATE") ?? 1000));
/** One worker process by default: on 2 cores a second one adds jitter (and 429s), not throughput. */
const workerCount = intArg("workers", 1);
const concurrency = intArg("concurrency", 48);
const runs = process.argv.includes("--kill")
  ? [true]
  : process.argv.includes("--no-kill")
    ? [false]
    : [false, true];

const log = (line: string) => process.stderr.write(`[bench:reminders] ${line}\n`);

/** Units in the three zones and `count` employees, each with a Telegram chat, in set-based SQL. */
async function seed(db: Db, count: number): Promise<void> {
  await db.$executeRawUnsafe(
    "TRUNCATE activity, evidence, activity_status_change, conversation_state, processed_event, platform_account, link_code, link_attempt, audit_log, absence, feedback, evaluation, iki, rhk, skp, supervisor_relation, delegation, reminder_delivery, person, unit_setting, unit CASCADE",
  );
  const unitIds: string[] = [];
  for (const zone of ZONES) {
    for (let k = 1; k <= UNITS_PER_ZONE; k++) {
      const code = `BENCH-${zone.split("/")[1]?.toUpperCase()}-${k}`;
      const unit = await db.unit.create({ data: { code, name: `Unit ${code}`, timeZone: zone } });
      unitIds.push(unit.id);
    }
  }
  // Valid PNS NIPs: birth date 1960-01-01 + i/900 days, appointed 2010-01, male, serial 001–900.
  await db.$executeRaw`
    INSERT INTO person (id, nip, nip_kind, name, position, unit_id, updated_at)
    SELECT gen_random_uuid(),
           to_char(date '1960-01-01' + (i / 900), 'YYYYMMDD') || '201001' || '1' || lpad(((i % 900) + 1)::text, 3, '0'),
           'PNS', 'Pegawai ' || i, 'Staf', (${unitIds}::uuid[])[1 + i % ${unitIds.length}], now()
    FROM generate_series(0, ${count - 1}) AS i`;
  await db.$executeRaw`
    INSERT INTO platform_account (id, person_id, platform, external_id, address)
    SELECT gen_random_uuid(), n.id, 'TELEGRAM', n.chat, n.chat
    FROM (SELECT id, (1000000 + row_number() OVER (ORDER BY nip))::text AS chat FROM person) n`;
}

interface WorkerProcess {
  child: ChildProcess;
  ready: Promise<void>;
}

function startWorker(env: Record<string, string>): WorkerProcess {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the worker processes.
  const nodeArgs = benchEnv("BENCH_NODE_ARGS")?.split(" ") ?? [];
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "test/support/reminder-worker-process.ts"],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("reminder worker ready")) resolve();
      if (output.length > 10_000) output = output.slice(-1000);
    });
    child.once("exit", (code) => reject(new Error(`reminder worker exited with ${code}`)));
  });
  ready.catch(() => undefined);
  return { child, ready };
}

function stopWorker(worker: WorkerProcess, signal: NodeJS.Signals): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    worker.child.once("exit", () => resolve());
    worker.child.kill(signal);
  });
}

async function main(): Promise<void> {
  const databaseUrl = benchDatabaseUrl("reminders");
  const redisUrl = benchEnv("REDIS_URL") ?? "redis://127.0.0.1:6379";
  prepareDatabase(databaseUrl);
  const db = createDb(databaseUrl, { poolSize: 4 });
  const seeded = Date.now();
  await seed(db, employees);
  log(`seeded ${employees} employees in ${ZONES.length * UNITS_PER_ZONE} units in ${Date.now() - seeded} ms`);

  const botApi = await startTelegramBotApi({ token: TOKEN, maxRecordedCalls: 1000 });
  // Messages per chat, as people would count them; the first and last delivery time the rate.
  const perChat = new Map<string, number>();
  let firstSentAt = 0;
  let lastSentAt = 0;
  botApi.onCall((call) => {
    if (call.method !== "sendMessage" || !call.response.ok) return;
    const chat = String(call.payload.chat_id);
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    lastSentAt = Date.now();
    if (firstSentAt === 0) firstSentAt = lastSentAt;
  });
  const queueRedis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = createReminderQueue(queueRedis, PREFIX);
  const workerEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: PREFIX,
    TELEGRAM_API_ROOT: botApi.url,
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_SEND_RATE: String(rate),
    REMINDER_CONCURRENCY: String(concurrency),
    REMINDER_LOCK_MS: String(LOCK_MS),
    REMINDER_STALLED_MS: "1000",
    REMINDER_CLOCK_OFFSET_MS: String(NOW.getTime() - Date.now()),
    LOG_LEVEL: "warn",
  };

  for (const kill of runs) {
    await db.$executeRawUnsafe("TRUNCATE reminder_delivery");
    await queue.obliterate({ force: true });
    botApi.reset();
    botApi.setRateLimit(rate);
    perChat.clear();
    firstSentAt = 0;
    lastSentAt = 0;

    const planStarted = performance.now();
    const plan = await planDueReminders(db, { now: NOW });
    const rowsMs = Math.round(performance.now() - planStarted);
    await enqueueReminders(queue, plan.deliveryIds);
    const planMs = Math.round(performance.now() - planStarted);
    log(`planned in ${planMs} ms: rows written in ${rowsMs} ms, jobs enqueued in ${planMs - rowsMs} ms`);
    log(`${kill ? "run with a worker killed halfway" : "plain run"}: ${plan.planned} rows planned`);

    const workers = Array.from({ length: workerCount }, () => startWorker(workerEnv));
    await Promise.all(workers.map((w) => w.ready));
    let killedAfter: number | undefined;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const delivered = botApi.stats().sent;
      if (kill && killedAfter === undefined && delivered >= plan.deliveryIds.length / 2) {
        // As with several workers in production: another is running when this one dies.
        const replacement = startWorker(workerEnv);
        await replacement.ready;
        await new Promise((resolve) => setTimeout(resolve, 2000)); // past its cold start
        const victim = workers.shift();
        if (victim) await stopWorker(victim, "SIGKILL");
        workers.push(replacement);
        killedAfter = botApi.stats().sent;
        log(`killed a worker (SIGKILL) after ${killedAfter} messages`);
      }
      // By the (date, slot, status) index: cheap while the workers are busy.
      const open = await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM reminder_delivery
        WHERE date = ${DAY}::date AND slot = ${SLOT} AND status IN ('PLANNED', 'SENDING')`;
      if (Number(open[0]?.n ?? 0) === 0) break;
    }
    await Promise.all(workers.map((w) => stopWorker(w, "SIGTERM")));

    const rows = await db.$queryRaw<{ chat: string; status: string; error: string | null }[]>`
      SELECT a.address AS chat, r.status::text AS status, r.error
      FROM reminder_delivery r JOIN platform_account a ON a.person_id = r.person_id`;
    let sent = 0;
    let duplicates = 0;
    for (const count of perChat.values()) {
      sent += count;
      duplicates += Math.max(0, count - 1);
    }
    const missed = rows.filter((row) => !perChat.has(row.chat)).length;
    const states = new Map<string, number>();
    for (const row of rows) states.set(row.status, (states.get(row.status) ?? 0) + 1);
    // Rows a killed worker left mid-send (request written, answer not recorded): not sent again.
    const unknown = rows.filter((row) => row.error === REQUEST_LEFT);
    const seconds = Math.max(0.001, (lastSentAt - firstSentAt) / 1000);
    process.stdout.write(
      `employees=${employees} workers=${workerCount} concurrency=${concurrency} send_seconds=${seconds.toFixed(1)} rows=${[...states].map(([status, n]) => `${status}:${n}`).join(",")}${kill ? ` killed_after=${killedAfter} left_mid_send=${unknown.length} of_which_delivered=${unknown.filter((row) => perChat.has(row.chat)).length}` : ""}\n`,
    );
    process.stdout.write(
      `bench:reminders planned=${plan.deliveryIds.length} plan_ms=${planMs} sent=${sent} duplicates=${duplicates} missed=${missed} rate=${Math.round(sent / seconds)}/${rate} 429s=${botApi.stats().tooManyRequests}\n`,
    );
  }

  await queue.obliterate({ force: true });
  await queue.close();
  await queueRedis.quit();
  await botApi.close();
  await db.$disconnect();
}

await main();
