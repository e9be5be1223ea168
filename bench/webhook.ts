/**
 * `npm run bench:webhook [-- --users=200 --concurrency=50 --reports=3 --processes=1 --baseline]`
 *
 * Virtual employees complete /lapor through the real webhook of the product, which runs as its own
 * process (web role) against PostgreSQL, Redis and a Telegram Bot API stand-in served by this process.
 * Each update is timed from POST until the stand-in has run the call the webhook answered with (the
 * product answers after its other replies went to the Bot API). Ends with the line SPEC section 11 defines, with the web process's peak RSS; `--baseline`
 * then sends the same updates through the same stand-in to a bare grammY echo bot (bench/echo-bot.ts) and
 * prints its figures and the product's share of them (`ratio`).
 */
import type { Update } from "grammy/types";
import { Redis } from "ioredis";
import { DateTime } from "luxon";
import { startTelegramBotApi } from "../adapters/simulator/telegram-bot-api.ts";
import { callbackUpdate, textUpdate } from "../adapters/simulator/telegram-updates.ts";
import { deliverUpdate } from "../adapters/simulator/webhook-delivery.ts";
import { createDb, type Db } from "../src/db/client.ts";
import {
  benchDatabaseUrl,
  benchEnv,
  intArg,
  percentile,
  prepareDatabase,
  type StartedProcess,
  startProduct,
  startScript,
} from "./support.ts";

const TOKEN = "7000000001:BENCHbenchBENCHbenchBENCHbench12";
const SECRET = "bench-webhook-secret";
const PREFIX = "bench-webhook";
const ZONE = "Asia/Jakarta";

const users = intArg("users", 200);
const concurrency = intArg("concurrency", 50);
const reportsPerUser = intArg("reports", 3);
/** Web processes sharing the load (round robin), as behind a load balancer */
const processes = intArg("processes", 1);

/** A valid PNS NIP per index: distinct birth dates, appointment 2010-01, male, serial 001. */
function nipFor(index: number): string {
  return `${DateTime.fromISO("1970-01-01").plus({ days: index }).toFormat("yyyyMMdd")}20100110001`;
}

async function seed(db: Db, year: number): Promise<void> {
  await db.$executeRawUnsafe(
    "TRUNCATE activity, evidence, activity_status_change, conversation_state, processed_event, platform_account, link_code, link_attempt, audit_log, absence, feedback, evaluation, iki, rhk, skp, supervisor_relation, delegation, reminder_delivery, person, unit_setting, holiday, unit CASCADE",
  );
  const unit = await db.unit.create({ data: { code: "BENCH", name: "Unit Benchmark", timeZone: ZONE } });
  const supervisor = await db.person.create({
    data: { nip: nipFor(0), nipKind: "PNS", name: "Atasan Bench", position: "Kepala", unitId: unit.id },
  });
  const validFrom = new Date(`${year}-01-01T00:00:00Z`);
  for (let i = 1; i <= users; i++) {
    const person = await db.person.create({
      data: {
        nip: nipFor(i),
        nipKind: "PNS",
        name: `Pegawai ${i}`,
        position: "Staf",
        unitId: unit.id,
        supervisors: { create: { supervisorId: supervisor.id, validFrom } },
        accounts: {
          create: { platform: "TELEGRAM", externalId: String(100_000 + i), address: String(100_000 + i) },
        },
      },
    });
    const skp = await db.skp.create({ data: { personId: person.id, year } });
    const rhk = await db.rhk.create({
      data: { skpId: skp.id, code: "RHK-1", description: "Layanan", kind: "UTAMA" },
    });
    await db.iki.create({
      data: {
        skpId: skp.id,
        rhkId: rhk.id,
        code: "IKI-1.1",
        indicator: "Dokumen diproses",
        aspect: "KUANTITAS",
        target: 1000,
        unitLabel: "dokumen",
      },
    });
  }
}

async function main(): Promise<void> {
  const databaseUrl = benchDatabaseUrl("bench");
  const redisUrl = benchEnv("REDIS_URL") ?? "redis://127.0.0.1:6379";
  prepareDatabase(databaseUrl);
  const db = createDb(databaseUrl, { poolSize: 4 });
  const today = DateTime.now().setZone(ZONE).toISODate()!;
  await seed(db, Number(today.slice(0, 4)));

  const botApi = await startTelegramBotApi({ token: TOKEN, maxRecordedCalls: 1000 });
  const productEnv = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: PREFIX,
    PORT: "0",
    ROLES: "web",
    PUBLIC_URL: "http://bench.invalid",
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: botApi.url,
    LOG_LEVEL: "warn",
  };
  const products = await Promise.all(Array.from({ length: processes }, () => startProduct(productEnv)));

  let updateId = 1;
  /** Posts updates to the processes in turn and times each from POST to the webhook's answer. */
  function loadOn(targets: readonly StartedProcess[]) {
    const result = { latencies: [] as number[], errors: 0 };
    let turn = 0;
    const post = async (body: Update) => {
      const target = targets[turn++ % targets.length]!;
      const started = performance.now();
      try {
        const status = await deliverUpdate(botApi, `${target.url}/telegram/webhook`, body, SECRET);
        if (status !== 200) result.errors++;
      } catch {
        result.errors++;
      }
      result.latencies.push(performance.now() - started);
    };
    return { result, post };
  }

  /**
   * Every virtual employee's session, the same updates for the product and the baseline: per report three
   * texts and a number typed, four buttons pressed. `press` finds the button the product sent (the echo bot
   * sends none: it presses a made-up one on the latest message).
   */
  async function run(targets: readonly StartedProcess[], findButtons: boolean) {
    const { result, post } = loadOn(targets);
    async function employee(i: number): Promise<void> {
      const userId = 100_000 + i;
      const text = (value: string) => post(textUpdate({ updateId: updateId++, userId, text: value }));
      // Taps the button of the bot's latest message whose data matches, as a person would.
      const press = (pattern: RegExp) => {
        const message = botApi.chat(userId).last();
        if (!findButtons) {
          const messageId = message?.messageId ?? 1;
          return post(callbackUpdate({ updateId: updateId++, userId, data: "echo", messageId }));
        }
        for (const row of message?.inlineKeyboard ?? []) {
          for (const button of row) {
            if ("callback_data" in button && button.callback_data && pattern.test(button.callback_data)) {
              const data = button.callback_data;
              return post(
                callbackUpdate({ updateId: updateId++, userId, data, messageId: message!.messageId }),
              );
            }
          }
        }
        result.errors++;
        return Promise.resolve();
      };
      for (let r = 0; r < reportsPerUser; r++) {
        await text("/lapor");
        await press(new RegExp(`:date:${today}$`));
        await press(/:iki:0$/);
        await text(`Memproses berkas layanan nomor ${r + 1}`);
        await text("3");
        await text("30");
        await press(/:skip$/);
        await press(/:send$/);
      }
    }
    // Warm up connections and code paths, then measure.
    await text0(post);
    result.latencies.length = 0;
    result.errors = 0;
    const queue = Array.from({ length: users }, (_, k) => k + 1);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(concurrency, users) }, async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) await employee(next);
      }),
    );
    return { ...result, seconds: (performance.now() - started) / 1000 };
  }

  const measured = await run(products, true);
  const rssMb = Math.max(...products.map((p) => p.peakRssMb() ?? 0));
  const saved = await db.activity.count();
  const expected = users * reportsPerUser;
  await Promise.all(products.map((p) => p.stop()));

  let baseline: Awaited<ReturnType<typeof run>> | null = null;
  if (process.argv.includes("--baseline")) {
    const echo = await startScript("bench/echo-bot.ts", {
      BOT_TOKEN: TOKEN,
      API_ROOT: botApi.url,
      SECRET,
    });
    baseline = await run([echo], false);
    await echo.stop();
  }
  await botApi.close();
  await db.$disconnect();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();

  const round = (n: number) => Math.round(n * 10) / 10;
  const figures = (r: { latencies: number[]; seconds: number }) => {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    return {
      perSecond: Math.round(r.latencies.length / r.seconds),
      p50: round(percentile(sorted, 50)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
    };
  };
  const product = figures(measured);
  process.stdout.write(
    `users=${users} concurrency=${concurrency} reports_per_user=${reportsPerUser} web_processes=${processes} activities_saved=${saved}/${expected}\n`,
  );
  process.stdout.write(
    `bench:webhook updates=${measured.latencies.length} seconds=${round(measured.seconds)} updates_per_s=${product.perSecond} p50_ms=${product.p50} p95_ms=${product.p95} p99_ms=${product.p99} rss_mb=${rssMb} errors=${measured.errors + (saved === expected ? 0 : expected - saved)}\n`,
  );
  if (baseline) {
    const base = figures(baseline);
    const ratio = base.perSecond > 0 ? Math.round((product.perSecond / base.perSecond) * 100) / 100 : 0;
    process.stdout.write(
      `bench:webhook-baseline updates_per_s=${base.perSecond} p99_ms=${base.p99} ratio=${ratio} errors=${baseline.errors}\n`,
    );
  }
}

/** One throwaway update so the first measured request does not pay for lazy initialisation. */
async function text0(post: (body: Update) => Promise<void>): Promise<void> {
  await post(textUpdate({ updateId: 999_999_999, userId: 99_999, text: "/bantuan" }));
}

await main();
