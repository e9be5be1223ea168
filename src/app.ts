import type { FastifyInstance } from "fastify";
import { registerSimulatorRoutes } from "../adapters/simulator/web/simulator-routes.ts";
import {
  type SimulatorWorld,
  startSimulatorWorld,
  withSimulatedPlatforms,
} from "../adapters/simulator/web/simulator-world.ts";
import { createTelegramAdapter, type TelegramBotInfo } from "../adapters/telegram/telegram-adapter.ts";
import { createNotificationQueue } from "../jobs/notification-queue.ts";
import { startNotificationWorker } from "../jobs/notification-worker.ts";
import { startOutboxRelay } from "../jobs/outbox-relay.ts";
import { createReminderQueue, REMINDERS_QUEUE } from "../jobs/reminder-queue.ts";
import { startReminderWorker } from "../jobs/reminder-worker.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { guardSimulatorDatabase } from "./admin/demo-only-database.ts";
import { importFiles } from "./admin/import/import-files.ts";
import { DEMO_FILES } from "./admin/seed-demo.ts";
import type { Config } from "./config.ts";
import { createConversationEngine } from "./conversation/engine.ts";
import { createDb } from "./db/client.ts";
import { startEvidenceLinkSecret } from "./evidence/link-secret.ts";
import { createSignedEvidenceLinks } from "./evidence/signed-links.ts";
import type { FileFetcher } from "./http/evidence-route.ts";
import { registerEvidenceRoute } from "./http/evidence-route.ts";
import { createMetrics, withTurnTiming } from "./http/metrics.ts";
import { postgresCheck, redisCheck } from "./http/readiness.ts";
import { createHttpServer } from "./http/server.ts";
import { createSurveyRateLimit, DEFAULT_SURVEY_RATE, STAFF_SURVEY_RATE } from "./http/survey-rate-limit.ts";
import { registerSurveyRoutes } from "./http/survey-route.ts";
import { createInFlight } from "./in-flight.ts";
import { type Closer, closeAll } from "./lifecycle.ts";
import type { Logger } from "./logger.ts";
import { createOutboundRouter, type OutboundSender } from "./outbound/port.ts";
import { createRedis } from "./redis.ts";

export interface RunningApp {
  /** Base URL of the HTTP server (the `web` role's, or the probes-and-metrics listener of other roles) */
  url: string | undefined;
  http: FastifyInstance | undefined;
  /** The simulator page when no platform credentials were given (SPEC section 9) */
  simulatorUrl: string | undefined;
  /** The simulator's stand-ins (tests look into them) */
  simulator: SimulatorWorld | undefined;
  /** Closes everything within the configured time limit; true when all closed in time. */
  close(): Promise<boolean>;
}

/** Test and benchmark seams: the clock, and the bot's identity without a getMe call. */
export interface AppOverrides {
  clock?: () => Date;
  botInfo?: TelegramBotInfo;
  /** 0 in tests that change holidays or unit settings while the app runs */
  unitCacheTtlMs?: number;
  /** How soon the outbox relay hands an unfinished row to the queue again (60 s by default) */
  outboxResendAfterMs?: number;
}

/** Composition root: builds the roles this process runs from the configuration. */
export async function startApp(
  givenConfig: Config,
  logger: Logger,
  overrides: AppOverrides = {},
): Promise<RunningApp> {
  const clock = overrides.clock ?? (() => new Date());
  let config = givenConfig;
  const closers: Closer[] = [];
  const db = createDb(config.databaseUrl);
  if (givenConfig.simulator && givenConfig.roles.has("web")) {
    // Before anything else starts: a refused simulator leaves nothing open behind it.
    await guardSimulatorDatabase(db, logger).catch(async (error: unknown) => {
      await db.$disconnect();
      throw error;
    });
  }
  const redis = createRedis(config.redisUrl, "request");
  const queueRedis = createRedis(config.redisUrl, "worker");
  for (const connection of [redis, queueRedis]) {
    connection.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  }
  const queue = createNotificationQueue(queueRedis, config.redisPrefix);
  queue.on("error", (error) => logger.warn({ err: error }, "notification queue error"));
  const metrics = createMetrics();
  metrics.watchQueue("notifications", queue);
  // Every process with the web or worker role relays the outbox (SPEC section 16).
  const relay =
    config.roles.has("web") || config.roles.has("worker")
      ? startOutboxRelay({
          db,
          queue,
          connection: queueRedis,
          logger,
          ...(overrides.outboxResendAfterMs !== undefined
            ? { resendAfterMs: overrides.outboxResendAfterMs }
            : {}),
        })
      : undefined;
  const linkSecret = await startEvidenceLinkSecret(db, config.evidenceLinkSecret, logger);
  closers.push({ name: "evidence link key", close: async () => linkSecret.stop() });
  const links = createSignedEvidenceLinks({
    secret: linkSecret.current,
    baseUrl: config.baseUrl,
    clock,
  });
  // Simulator: the real adapters talk to in-process stand-ins of the platforms (SPEC section 9).
  let world: SimulatorWorld | undefined;
  if (givenConfig.simulator && givenConfig.roles.has("web")) {
    await seedDemoIfEmpty(db, clock(), logger);
    world = await startSimulatorWorld({ db, clock });
    config = withSimulatedPlatforms(givenConfig, world);
  }
  const coreEngine = createConversationEngine({
    db,
    clock,
    effects: { committed: () => relay?.nudge() },
    logger,
    defaultLocale: config.defaultLocale,
    links,
    ...(config.adminContact ? { adminContact: config.adminContact } : {}),
    pola: config.pola,
    ...(overrides.unitCacheTtlMs !== undefined ? { unitCacheTtlMs: overrides.unitCacheTtlMs } : {}),
  });

  const engine = withTurnTiming(coreEngine, metrics.turnDuration);
  const inFlight = createInFlight();

  const senders: Partial<Record<"TELEGRAM" | "SLACK", OutboundSender>> = {};
  const fetchers: Partial<Record<"TELEGRAM" | "SLACK", FileFetcher>> = {};
  const telegram = await createTelegramAdapter(config, {
    engine,
    logger,
    ...(overrides.botInfo
      ? { botInfo: overrides.botInfo }
      : world
        ? { botInfo: world.telegram.botInfo }
        : {}),
  });
  if (telegram) {
    senders.TELEGRAM = telegram.sender;
    fetchers.TELEGRAM = telegram.fileFetcher;
  }
  // Bolt loads only where Slack is configured (about 21 MB of RSS a Telegram-only process does not hold).
  const slack = config.slack.botToken
    ? await (await import("../adapters/slack/slack-adapter.ts")).createSlackAdapter(config, {
        engine,
        logger,
        clock,
        inFlight,
      })
    : undefined;
  if (slack) {
    senders.SLACK = slack.sender;
    fetchers.SLACK = slack.fileFetcher;
  }
  const outbound = createOutboundRouter(senders);

  let http: FastifyInstance | undefined;
  let url: string | undefined;
  if (config.roles.has("web")) {
    http = createHttpServer({
      logger,
      metrics,
      readiness: [postgresCheck(db), redisCheck(redis)],
      trustProxyHops: config.trustProxyHops,
    });
    registerEvidenceRoute(http, { db, links, fetchers, clock });
    registerSurveyRoutes(http, {
      db,
      clock,
      logger,
      rateLimit: createSurveyRateLimit(redis, config.redisPrefix, DEFAULT_SURVEY_RATE, (error) =>
        logger.warn({ err: error }, "survey rate limit unavailable; submission let through"),
      ),
      staffLimit: createSurveyRateLimit(redis, `${config.redisPrefix}:staff`, STAFF_SURVEY_RATE, (error) =>
        logger.warn({ err: error }, "survey staff limit unavailable; answer attributed"),
      ),
      secureCookie: config.baseUrl.startsWith("https://"),
    });
    await telegram?.attachWebhook(http);
    slack?.attachRoutes(http);
    if (world) registerSimulatorRoutes(http, { world, logger });
    url = await http.listen({ port: config.port, host: config.listenHost });
    world?.attachApp(`http://127.0.0.1:${new URL(url).port}`);
    const server = http;
    closers.push({ name: "http server", close: () => server.close() });
    if (telegram) {
      const stopPolling = await telegram.startPolling();
      closers.push({ name: "telegram polling", close: stopPolling });
    }
    if (slack) {
      const stopSocket = await slack.start();
      closers.push({ name: "slack socket mode", close: stopSocket });
    }
  } else {
    // No web role: a small listener for the probes and /metrics, so the health check works for every role.
    const probes = createHttpServer({ logger, metrics, readiness: [postgresCheck(db), redisCheck(redis)] });
    url = await probes.listen({ port: config.port, host: config.listenHost });
    closers.push({ name: "metrics listener", close: () => probes.close() });
  }
  // Intake has stopped (above); Slack turns acked before it still get their answers.
  closers.push({ name: "turns in flight", close: () => inFlight.drain() });

  if (config.roles.has("worker")) {
    const workerRedis = createRedis(config.redisUrl, "worker");
    const worker = startNotificationWorker({
      connection: workerRedis,
      prefix: config.redisPrefix,
      db,
      outbound,
      logger,
      defaultLocale: config.defaultLocale,
      links,
      clock,
      sendRatePerSecond: config.telegramSendRate,
      // The reminder worker's pacer: notifications and reminders together stay under TELEGRAM_SEND_RATE.
      paceKey: `${config.redisPrefix}:${REMINDERS_QUEUE}:send-pace`,
      metrics,
      ...(overrides.unitCacheTtlMs !== undefined ? { unitCacheTtlMs: overrides.unitCacheTtlMs } : {}),
    });
    closers.push(
      { name: "notification worker", close: () => worker.close() },
      { name: "worker redis", close: async () => void (await workerRedis.quit()) },
    );
  }

  const reminderQueue = createReminderQueue(queueRedis, config.redisPrefix);
  reminderQueue.on("error", (error) => logger.warn({ err: error }, "reminder queue error"));
  metrics.watchQueue("reminders", reminderQueue);
  if (config.roles.has("worker")) {
    const reminderRedis = createRedis(config.redisUrl, "worker");
    const reminders = startReminderWorker({
      connection: reminderRedis,
      databaseUrl: config.databaseUrl,
      prefix: config.redisPrefix,
      db,
      outbound,
      logger,
      defaultLocale: config.defaultLocale,
      clock,
      sendRatePerSecond: config.telegramSendRate,
      metrics,
      ...(overrides.unitCacheTtlMs !== undefined ? { unitCacheTtlMs: overrides.unitCacheTtlMs } : {}),
    });
    closers.push(
      { name: "reminder worker", close: async () => void (await reminders.close(config.shutdownTimeoutMs)) },
      { name: "reminder redis", close: async () => void (await reminderRedis.quit()) },
    );
  }
  if (config.roles.has("scheduler")) {
    const scheduler = startScheduler({
      db,
      queue: reminderQueue,
      queueConnection: queueRedis,
      logger,
      clock,
    });
    closers.push({ name: "scheduler", close: () => scheduler.stop() });
  }

  if (world) {
    const stopWorld = world;
    closers.push({ name: "simulator", close: () => stopWorld.close() });
  }
  closers.push(
    { name: "outbox relay", close: async () => relay?.close() },
    { name: "reminder queue", close: () => reminderQueue.close() },
    { name: "notification queue", close: () => queue.close() },
    { name: "redis", close: async () => void (await Promise.all([redis.quit(), queueRedis.quit()])) },
    { name: "postgres", close: () => db.$disconnect() },
  );
  const simulatorUrl = world && url ? `http://localhost:${new URL(url).port}/simulator` : undefined;
  return {
    url,
    http,
    simulatorUrl,
    simulator: world,
    close: () => closeAll(closers, config.shutdownTimeoutMs, logger),
  };
}

/**
 * The simulator starts on an empty database with the demo organisation, so there is someone to be. A
 * database that does not answer yet is not fatal: the process starts (not ready) and the import can be
 * done later with `npm run admin -- seed-demo`.
 */
async function seedDemoIfEmpty(db: ReturnType<typeof createDb>, now: Date, logger: Logger): Promise<void> {
  try {
    if ((await db.person.count()) > 0) return;
    const result = await importFiles(db, DEMO_FILES, { now });
    if (!result.ok) throw new Error(`demo seed failed:\n${result.errors.join("\n")}`);
    logger.info("empty database: demo organisation imported for the simulator");
  } catch (error) {
    logger.warn({ err: error }, "could not import the demo organisation for the simulator");
  }
}
