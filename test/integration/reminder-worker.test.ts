import { randomBytes } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  startTelegramBotApi,
  type TelegramBotApiStandIn,
} from "../../adapters/simulator/telegram-bot-api.ts";
import { createTelegramProactiveSender } from "../../adapters/telegram/outbound.ts";
import { createReminderQueue, enqueueReminders, type ReminderJob } from "../../jobs/reminder-queue.ts";
import {
  REQUEST_LEFT,
  type ReminderWorker,
  type ReminderWorkerDeps,
  startReminderWorker,
} from "../../jobs/reminder-worker.ts";
import { createSendPacer, type SendPacer } from "../../jobs/send-pacer.ts";
import { createLogger } from "../../src/logger.ts";
import { isStillDue } from "../../src/notifications/reminders.ts";
import { createRedis } from "../../src/redis.ts";
import {
  claimDelivery,
  loadReminderTarget,
  markDeliveriesSent,
  reclaimStaleDelivery,
  releaseDelivery,
  settleDelivery,
} from "../../src/services/reminder-deliveries.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { startProcess } from "../support/process.ts";

const TOKEN = "7000000002:REMINDERtestREMINDERtest012345678";
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
/** Tuesday 24 November 2026, 15:30 WIB: a working day, the first report slot. */
const NOW = "2026-11-24T08:30:00.000Z";
const DAY = "2026-11-24";
/** Every worker (in this process or a child) runs at real speed from NOW. */
const clockOffsetMs = Date.parse(NOW) - Date.now();
const clock = () => new Date(Date.now() + clockOffsetMs);

let database: TestDatabase;
let botApi: TelegramBotApiStandIn;
let unitId: string;
let prefix: string;
let queueRedis: Redis;
let queue: Queue<ReminderJob>;
const sender = () => createTelegramProactiveSender(TOKEN, botApi.url);
const running: { reminders: ReminderWorker; connection: Redis }[] = [];
const extraQueues: Queue<ReminderJob>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  botApi = await startTelegramBotApi({ token: TOKEN });
  prefix = `test-reminders-${randomBytes(4).toString("hex")}`;
  queueRedis = createRedis(REDIS_URL, "worker");
  queue = createReminderQueue(queueRedis, prefix);
  const unit = await database.db.unit.create({
    data: { code: "KEC-ANDIR", name: "Kecamatan Andir", timeZone: "Asia/Jakarta" },
  });
  unitId = unit.id;
});

afterEach(async () => {
  for (const { reminders, connection } of running.splice(0)) {
    await reminders.close(5_000);
    await connection.quit();
  }
});

afterAll(async () => {
  for (const q of [queue, ...extraQueues]) {
    await q.obliterate({ force: true });
    await q.close();
  }
  // What obliterate leaves: the pacer's and the limiter's keys.
  const leftovers = await queueRedis.keys(`${prefix}*`);
  if (leftovers.length > 0) await queueRedis.del(...leftovers);
  await queueRedis.quit();
  await botApi.close();
  await database.drop();
});

let people = 0;

/** An active employee of the unit with a linked Telegram account; returns the person id and chat id. */
async function employee(options: { supervisorId?: string } = {}): Promise<{ id: string; chatId: string }> {
  people += 1;
  const birth = DateTime.fromISO("1985-01-01").plus({ days: people }).toFormat("yyyyMMdd");
  const chatId = String(700_000 + people);
  const person = await database.db.person.create({
    data: {
      nip: `${birth}201001${1}001`,
      nipKind: "PNS",
      name: `Pegawai ${String(people).padStart(3, "0")}`,
      position: "Staf",
      unitId,
      accounts: { create: { platform: "TELEGRAM", externalId: chatId, address: chatId } },
      ...(options.supervisorId
        ? {
            supervisors: {
              create: { supervisorId: options.supervisorId, validFrom: new Date("2026-01-01") },
            },
          }
        : {}),
    },
  });
  return { id: person.id, chatId };
}

async function plannedRow(personId: string, slot = "report-15:30", date = DAY): Promise<string> {
  const row = await database.db.reminderDelivery.create({
    data: { personId, date: new Date(date), slot, dueAt: new Date(NOW) },
  });
  return row.id;
}

function startWorker(overrides: Partial<ReminderWorkerDeps> = {}): ReminderWorker {
  const connection = createRedis(REDIS_URL, "worker");
  const reminders = startReminderWorker({
    connection,
    prefix,
    db: database.db,
    databaseUrl: database.url,
    outbound: sender(),
    logger: createLogger("silent"),
    defaultLocale: "id",
    clock,
    sendRatePerSecond: 100,
    concurrency: 4,
    lockDurationMs: 2_000,
    stalledIntervalMs: 500,
    unitCacheTtlMs: 0,
    ...overrides,
  });
  running.push({ reminders, connection });
  return reminders;
}

async function rowOf(id: string) {
  return database.db.reminderDelivery.findUniqueOrThrow({ where: { id } });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function settled(ids: readonly string[]): Promise<boolean> {
  const open = await database.db.reminderDelivery.count({
    where: { id: { in: [...ids] }, status: { in: ["PLANNED", "SENDING"] } },
  });
  return open === 0;
}

const sendsTo = (chatId: string) =>
  botApi.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === chatId);

describe("the reminder worker", () => {
  it("sends a due report reminder once, with a Lapor button, and marks the row SENT", async () => {
    const { id: personId, chatId } = await employee();
    const rowId = await plannedRow(personId);
    startWorker();
    await enqueueReminders(queue, [rowId, rowId]);
    await waitFor("SENT", async () => (await rowOf(rowId)).status === "SENT");

    const chat = botApi.chat(chatId);
    expect(chat.texts()).toEqual([
      "Anda belum melaporkan pekerjaan hari ini. Yuk lapor sekarang, hanya perlu satu menit.",
    ]);
    expect(chat.last()?.inlineKeyboard).toEqual([[{ text: "Lapor sekarang", callback_data: "m:lapor" }]]);
    const row = await rowOf(rowId);
    expect(row).toMatchObject({ status: "SENT", attempts: 1, error: null });
    expect(row.sentAt?.getTime()).toBeGreaterThanOrEqual(Date.parse(NOW));

    // The same row enqueued again (another scheduler, a restart) is not sent again.
    await enqueueReminders(queue, [rowId]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sendsTo(chatId)).toHaveLength(1);
  });

  it("honours a 429: waits retry_after, then sends once without using up an attempt", async () => {
    const { id: personId, chatId } = await employee();
    const rowId = await plannedRow(personId);
    botApi.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      retry_after: 1,
    });
    const before = botApi.stats().tooManyRequests;
    startWorker();
    const started = Date.now();
    await enqueueReminders(queue, [rowId]);
    await waitFor("SENT", async () => (await rowOf(rowId)).status === "SENT");

    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(botApi.stats().tooManyRequests - before).toBe(1);
    expect(sendsTo(chatId).map((c) => c.response.ok)).toEqual([false, true]);
    expect(botApi.chat(chatId).texts()).toHaveLength(1);
    expect(await rowOf(rowId)).toMatchObject({ status: "SENT", attempts: 1 });
    // Two runs of the job, one attempt: the successful one (a 429 would otherwise have made it 2).
    const job = await queue.getJob(`reminder-${rowId}`);
    expect(job?.attemptsStarted).toBe(2);
    expect(job?.attemptsMade).toBe(1);
  });

  it("marks a person who blocked the bot unreachable, fails the row and never retries it", async () => {
    const { id: personId, chatId } = await employee();
    const rowId = await plannedRow(personId);
    botApi.blockChat(chatId);
    startWorker();
    await enqueueReminders(queue, [rowId]);
    await waitFor("FAILED", async () => (await rowOf(rowId)).status === "FAILED");

    expect(await rowOf(rowId)).toMatchObject({ status: "FAILED", error: "recipient unreachable: blocked" });
    const account = await database.db.platformAccount.findFirstOrThrow({ where: { personId } });
    expect(account).toMatchObject({ reachable: false, unreachableReason: "blocked" });
    await waitFor("the job to fail", async () => (await queue.getJobState(`reminder-${rowId}`)) === "failed");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sendsTo(chatId)).toHaveLength(1);
    botApi.unblockChat(chatId);
  });

  it("skips a person who reported in the meantime, without a message", async () => {
    const { id: personId, chatId } = await employee();
    const rowId = await plannedRow(personId);
    await database.db.activity.create({
      data: {
        personId,
        date: new Date(DAY),
        description: "Melayani permohonan KTP",
        quantity: 3,
        unitLabel: "berkas",
        minutes: 90,
        status: "DIAJUKAN",
        submittedAt: new Date("2026-11-24T07:00:00Z"),
      },
    });
    startWorker();
    await enqueueReminders(queue, [rowId]);
    await waitFor("SKIPPED", async () => (await rowOf(rowId)).status === "SKIPPED");

    expect(await rowOf(rowId)).toMatchObject({ status: "SKIPPED", error: "reported" });
    expect(sendsTo(chatId)).toHaveLength(0);
  });

  it("skips a person on leave, and a slot whose day is already over", async () => {
    const onLeave = await employee();
    const lateDay = await employee();
    await database.db.absence.create({
      data: {
        personId: onLeave.id,
        kind: "CUTI",
        startDate: new Date("2026-11-23"),
        endDate: new Date("2026-11-25"),
      },
    });
    const leaveRow = await plannedRow(onLeave.id);
    const lateRow = await plannedRow(lateDay.id, "report-19:30", "2026-11-23");
    startWorker();
    await enqueueReminders(queue, [leaveRow, lateRow]);
    await waitFor("both settled", () => settled([leaveRow, lateRow]));

    expect(await rowOf(leaveRow)).toMatchObject({ status: "SKIPPED", error: "absent" });
    expect(await rowOf(lateRow)).toMatchObject({ status: "SKIPPED", error: "day over" });
    expect([...sendsTo(onLeave.chatId), ...sendsTo(lateDay.chatId)]).toHaveLength(0);
  });

  it("escalates to a supervisor the direct reports with no report on the previous working day", async () => {
    const supervisor = await employee();
    const reported = await employee({ supervisorId: supervisor.id });
    const silent = await employee({ supervisorId: supervisor.id });
    const onLeave = await employee({ supervisorId: supervisor.id });
    await database.db.activity.create({
      data: {
        personId: reported.id,
        date: new Date("2026-11-23"),
        description: "Rapat koordinasi",
        quantity: 1,
        unitLabel: "kegiatan",
        minutes: 120,
        status: "DISETUJUI",
        submittedAt: new Date("2026-11-23T09:00:00Z"),
      },
    });
    await database.db.absence.create({
      data: {
        personId: onLeave.id,
        kind: "SAKIT",
        startDate: new Date("2026-11-23"),
        endDate: new Date("2026-11-23"),
      },
    });
    const rowId = await plannedRow(supervisor.id, "escalation");
    const target = await loadReminderTarget(database.db, rowId);
    expect(target && (await isStillDue(database.db, target, clock()))).toMatchObject({
      due: true,
      content: { kind: "escalation", day: "2026-11-23" },
    });

    startWorker();
    await enqueueReminders(queue, [rowId]);
    await waitFor("SENT", async () => (await rowOf(rowId)).status === "SENT");
    const silentName = (await database.db.person.findUniqueOrThrow({ where: { id: silent.id } })).name;
    const message = botApi.chat(supervisor.chatId).last();
    expect(message?.text).toBe(
      [
        "Sekadar informasi: laporan harian Senin, 23 Nov 2026 belum masuk dari 1 anggota tim Anda:",
        `• ${silentName}`,
        "Bila perlu, Anda dapat menyapa mereka. Terima kasih atas pendampingan Anda.",
      ].join("\n"),
    );
    expect(message?.inlineKeyboard).toEqual([[{ text: "Lihat tim", callback_data: "m:tim" }]]);
  });

  it("reminds a supervisor of reports waiting more than one working day, and skips when none wait", async () => {
    const supervisor = await employee();
    const staff = await employee({ supervisorId: supervisor.id });
    const idle = await employee();
    const pending = (submittedAt: string, date: string) =>
      database.db.activity.create({
        data: {
          personId: staff.id,
          date: new Date(date),
          description: "Verifikasi berkas",
          quantity: 5,
          unitLabel: "berkas",
          minutes: 60,
          status: "DIAJUKAN",
          submittedAt: new Date(submittedAt),
        },
      });
    await pending("2026-11-19T03:00:00Z", "2026-11-19"); // Thursday: 3 working days ago
    await pending("2026-11-23T03:00:00Z", "2026-11-23"); // yesterday: not yet overdue
    const rowId = await plannedRow(supervisor.id, "pending-review");
    const idleRow = await plannedRow(idle.id, "pending-review");
    await database.db.person.update({ where: { id: supervisor.id }, data: { locale: "en" } });
    startWorker();
    await enqueueReminders(queue, [rowId, idleRow]);
    await waitFor("both settled", () => settled([rowId, idleRow]));

    expect(await rowOf(rowId)).toMatchObject({ status: "SENT" });
    const message = botApi.chat(supervisor.chatId).last();
    expect(message?.text).toBe(
      "1 report from your team has been waiting for your approval for more than 1 working day. Please take a moment to review it, thank you.",
    );
    expect(message?.inlineKeyboard).toEqual([[{ text: "Open queue", callback_data: "m:antrian" }]]);
    expect(await rowOf(idleRow)).toMatchObject({ status: "SKIPPED", error: "nothing waiting" });
    expect(sendsTo(idle.chatId)).toHaveLength(0);
  });

  it("after a dead worker: sends a row whose request never left, never resends one on the wire, leaves a live worker's row alone", async () => {
    const onTheWire = await employee();
    const neverLeft = await employee();
    const live = await employee();
    const wireRow = await plannedRow(onTheWire.id);
    const unsentRow = await plannedRow(neverLeft.id);
    const liveRow = await plannedRow(live.id);
    const now = clock();
    const longAgo = new Date(now.getTime() - 60_000);
    await database.db.reminderDelivery.update({
      where: { id: wireRow },
      data: { status: "SENDING", attempts: 1, sendingAt: longAgo, leftAt: longAgo },
    });
    await database.db.reminderDelivery.update({
      where: { id: unsentRow },
      data: { status: "SENDING", attempts: 1, sendingAt: longAgo },
    });
    await database.db.reminderDelivery.update({
      where: { id: liveRow },
      data: { status: "SENDING", attempts: 1, sendingAt: now },
    });
    startWorker();
    await enqueueReminders(queue, [wireRow, unsentRow, liveRow]);
    await waitFor("the dead worker's rows", () => settled([wireRow, unsentRow]));
    await waitFor("a retry of the live row", async () => {
      return (await queue.getJobState(`reminder-${liveRow}`)) === "delayed";
    });

    expect(await rowOf(wireRow)).toMatchObject({ status: "SENT", error: REQUEST_LEFT });
    expect(sendsTo(onTheWire.chatId)).toHaveLength(0);
    expect(await rowOf(unsentRow)).toMatchObject({ status: "SENT", attempts: 2 });
    expect(sendsTo(neverLeft.chatId)).toHaveLength(1);
    expect(await rowOf(liveRow)).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(sendsTo(live.chatId)).toHaveLength(0);
  });

  it("does not send again when the request left and no answer came (the platform may have it)", async () => {
    const proxy = await startDelayingProxy(botApi.url, 0, { dropAnswers: true });
    try {
      const person = await employee();
      const row = await plannedRow(person.id);
      startWorker({ outbound: createTelegramProactiveSender(TOKEN, proxy.url) });
      await enqueueReminders(queue, [row]);
      await waitFor("the row settled", () => settled([row]));
      expect(await rowOf(row)).toMatchObject({
        status: "FAILED",
        error: expect.stringContaining("no answer after the request left"),
      });
      expect(sendsTo(person.chatId)).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 500)); // no retry comes
      expect(sendsTo(person.chatId)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it("lets a worker whose claim was taken over change nothing of the row", async () => {
    const person = await employee();
    const row = await plannedRow(person.id);
    const first = await claimDelivery(database.db, row, new Date(NOW));
    if (first.kind !== "claimed") throw new Error("not claimed");
    const stale = { id: row, claimedAt: first.target.claimedAt };
    // The first worker stalls past its lock; another takes the row over.
    const later = new Date(Date.parse(NOW) + 60_000);
    const taken = await reclaimStaleDelivery(database.db, row, new Date(later.getTime() - 1_000), later);
    expect(taken?.claimedAt?.toISOString()).toBe(later.toISOString());

    expect(await releaseDelivery(database.db, stale, { error: "late" })).toBe(false);
    expect(await settleDelivery(database.db, stale, "FAILED", "late")).toBe(false);
    expect(await markDeliveriesSent(database.db, [stale], later)).toEqual(new Set());
    expect(await rowOf(row)).toMatchObject({ status: "SENDING", sendingAt: later, error: null });
    expect(await markDeliveriesSent(database.db, [{ id: row, claimedAt: later }], later)).toEqual(
      new Set([row]),
    );
  });

  it("with two workers on the queue, sends every row exactly once", async () => {
    const staff = await Promise.all(Array.from({ length: 60 }, () => employee()));
    const rows = await Promise.all(staff.map((s) => plannedRow(s.id)));
    const first = startWorker();
    const second = startWorker();
    await Promise.all([first.worker.waitUntilReady(), second.worker.waitUntilReady()]);
    const done = { first: 0, second: 0 };
    first.worker.on("completed", () => {
      done.first += 1;
    });
    second.worker.on("completed", () => {
      done.second += 1;
    });
    await enqueueReminders(queue, rows);
    await waitFor("all rows settled", () => settled(rows));

    for (const s of staff) expect(botApi.chat(s.chatId).texts()).toHaveLength(1);
    expect(await database.db.reminderDelivery.count({ where: { id: { in: rows }, status: "SENT" } })).toBe(
      60,
    );
    expect(done.first).toBeGreaterThan(0);
    expect(done.second).toBeGreaterThan(0);
  });

  it("spaces the sends of every worker together just under the configured rate", async () => {
    const key = `${prefix}:pace-test`;
    const pacers = [createSendPacer(queueRedis, key, 200), createSendPacer(queueRedis, key, 200)];
    const started = performance.now();
    const slots = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (pacers[i % 2] as SendPacer).take()),
    );
    const span = Math.max(...slots) - started;
    // 40 sends at 200/s less 3 %: 39 gaps of 5.15 ms, whichever worker took them.
    expect(span).toBeGreaterThanOrEqual(39 * 5.15 - 5);
    expect(span).toBeLessThan(600);
  });

  it("after a worker is killed mid-run, another sends the rest and nothing is sent twice", async () => {
    const killPrefix = `${prefix}-kill`;
    const killQueue = createReminderQueue(queueRedis, killPrefix);
    extraQueues.push(killQueue);
    // Telegram takes a while to answer: requests sit in this proxy for 150 ms, so some are in flight at the kill.
    const proxy = await startDelayingProxy(botApi.url, 150);
    const staff = await Promise.all(Array.from({ length: 60 }, () => employee()));
    const rows = await Promise.all(staff.map((s) => plannedRow(s.id)));
    const sentTo = () => staff.filter((s) => botApi.chat(s.chatId).texts().length > 0).length;

    const child = startProcess("test/support/reminder-worker-process.ts", {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_PREFIX: killPrefix,
      TELEGRAM_API_ROOT: proxy.url,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_SEND_RATE: "20",
      REMINDER_CONCURRENCY: "4",
      REMINDER_LOCK_MS: "2000",
      REMINDER_STALLED_MS: "500",
      REMINDER_CLOCK_OFFSET_MS: String(clockOffsetMs),
      LOG_LEVEL: "silent",
    });
    try {
      await child.waitFor(/reminder worker ready/, 20_000);
      await enqueueReminders(killQueue, rows);
      await waitFor("a third of the messages", async () => sentTo() >= 20);
      child.child.kill("SIGKILL");
      await child.exited();
    } finally {
      if (child.child.exitCode === null) child.child.kill("SIGKILL");
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // requests still held by the proxy arrive
    const caughtMidSend = await database.db.reminderDelivery.findMany({
      where: { id: { in: rows }, status: "SENDING", leftAt: { not: null } },
      select: { id: true },
    });
    const sentByFirst = sentTo();
    expect(sentByFirst).toBeLessThan(60);

    startWorker({ prefix: killPrefix });
    await waitFor("every row settled", () => settled(rows), 40_000);
    await proxy.close();

    // Everyone got exactly one: a row the kill caught before its request left (no mark) was sent by
    // the second worker, and one caught after it (on the wire, held by the proxy) is recorded as sent
    // and not sent again.
    const counts = staff.map((s) => botApi.chat(s.chatId).texts().length);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    const final = await database.db.reminderDelivery.findMany({ where: { id: { in: rows } } });
    expect(final.filter((r) => r.status !== "SENT")).toEqual([]);
    const leftMidSend = final.filter((r) => r.error === REQUEST_LEFT);
    expect(leftMidSend.map((r) => r.id).sort()).toEqual(caughtMidSend.map((r) => r.id).sort());
    expect(caughtMidSend.length).toBeGreaterThan(0); // the kill did land mid-send
  }, 90_000);
});

/**
 * An HTTP proxy that holds each request for `delayMs` before passing it on (and passes it on anyway).
 * With `dropAnswers` it cuts the client's connection instead of relaying Telegram's answer.
 */
async function startDelayingProxy(
  target: string,
  delayMs: number,
  options: { dropAnswers?: boolean } = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      setTimeout(() => {
        const forwarded = request(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: incoming.method,
            path: incoming.url,
            headers: incoming.headers,
          },
          (answer) => {
            if (options.dropAnswers) {
              answer.resume();
              outgoing.socket?.destroy();
              return;
            }
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
          },
        );
        forwarded.on("error", () => outgoing.destroy());
        forwarded.end(Buffer.concat(chunks));
      }, delayMs);
    });
    // The client may be gone by then (killed): the request still goes on, as it would to Telegram.
    outgoing.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
