import type { FastifyInstance } from "fastify";
import { Api, type Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createTelegramBot } from "../adapters/telegram/bot.ts";
import { registerCommands } from "../adapters/telegram/commands.ts";
import { createTelegramFileFetcher } from "../adapters/telegram/file-fetcher.ts";
import { createTelegramSender } from "../adapters/telegram/outbound.ts";
import { registerTelegramWebhook, setWebhook } from "../adapters/telegram/webhook.ts";
import { createNotificationQueue, queueEffectSink } from "../jobs/notification-queue.ts";
import { startNotificationWorker } from "../jobs/notification-worker.ts";
import type { Config } from "./config.ts";
import { createConversationEngine } from "./conversation/engine.ts";
import { createDb } from "./db/client.ts";
import { createSignedEvidenceLinks } from "./evidence/signed-links.ts";
import type { FileFetcher } from "./http/evidence-route.ts";
import { registerEvidenceRoute } from "./http/evidence-route.ts";
import { createMetrics } from "./http/metrics.ts";
import { postgresCheck, redisCheck } from "./http/readiness.ts";
import { createHttpServer } from "./http/server.ts";
import { type Closer, closeAll } from "./lifecycle.ts";
import type { Logger } from "./logger.ts";
import { createOutboundRouter, type OutboundSender } from "./outbound/port.ts";
import { createRedis } from "./redis.ts";

export interface RunningApp {
  /** Base URL of the HTTP server when the `web` role runs */
  url: string | undefined;
  http: FastifyInstance | undefined;
  /** Closes everything within the configured time limit; true when all closed in time. */
  close(): Promise<boolean>;
}

/** Test and benchmark seams: the clock, and the bot's identity without a getMe call. */
export interface AppOverrides {
  clock?: () => Date;
  botInfo?: UserFromGetMe;
  /** 0 in tests that change holidays or unit settings while the app runs */
  unitCacheTtlMs?: number;
}

/** Composition root: builds the roles this process runs from the configuration. */
export async function startApp(
  config: Config,
  logger: Logger,
  overrides: AppOverrides = {},
): Promise<RunningApp> {
  const clock = overrides.clock ?? (() => new Date());
  const closers: Closer[] = [];
  const db = createDb(config.databaseUrl);
  const redis = createRedis(config.redisUrl, "request");
  const queueRedis = createRedis(config.redisUrl, "worker");
  for (const connection of [redis, queueRedis]) {
    connection.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
  }
  const queue = createNotificationQueue(queueRedis, config.redisPrefix);
  queue.on("error", (error) => logger.warn({ err: error }, "notification queue error"));
  const links = createSignedEvidenceLinks({
    secret: config.evidenceLinkSecret,
    baseUrl: config.baseUrl,
    clock,
  });
  const engine = createConversationEngine({
    db,
    clock,
    effects: queueEffectSink(queue),
    logger,
    defaultLocale: config.defaultLocale,
    links,
    ...(config.adminContact ? { adminContact: config.adminContact } : {}),
    ...(overrides.unitCacheTtlMs !== undefined ? { unitCacheTtlMs: overrides.unitCacheTtlMs } : {}),
  });

  const senders: Partial<Record<"TELEGRAM" | "SLACK", OutboundSender>> = {};
  const fetchers: Partial<Record<"TELEGRAM" | "SLACK", FileFetcher>> = {};
  let bot: Bot | undefined;
  const { telegram } = config;
  if (telegram.botToken && (telegram.mode === "webhook" || telegram.mode === "polling")) {
    bot = await createTelegramBot({
      token: telegram.botToken,
      apiRoot: telegram.apiRoot,
      engine,
      logger,
      defaultLocale: config.defaultLocale,
      ...(overrides.botInfo ? { botInfo: overrides.botInfo } : {}),
    });
    // Proactive sends get an Api of their own without auto-retry: the queue handles 429s and retries.
    senders.TELEGRAM = createTelegramSender(new Api(telegram.botToken, { apiRoot: telegram.apiRoot }));
    fetchers.TELEGRAM = createTelegramFileFetcher(bot.api, telegram.botToken, telegram.apiRoot);
  }
  const outbound = createOutboundRouter(senders);

  let http: FastifyInstance | undefined;
  let url: string | undefined;
  if (config.roles.has("web")) {
    const metrics = createMetrics();
    http = createHttpServer({ logger, metrics, readiness: [postgresCheck(db), redisCheck(redis)] });
    registerEvidenceRoute(http, { db, links, fetchers, clock });
    if (bot && telegram.mode === "webhook" && telegram.webhookSecret && config.publicUrl) {
      registerTelegramWebhook(http, bot, telegram.webhookSecret);
      await registerCommands(bot.api);
      await setWebhook(bot, config.publicUrl, telegram.webhookSecret);
    }
    url = await http.listen({ port: config.port, host: "0.0.0.0" });
    const server = http;
    closers.push({ name: "http server", close: () => server.close() });
    if (bot && telegram.mode === "polling") {
      const polling = bot;
      await registerCommands(polling.api);
      void polling.start({ allowed_updates: ["message", "callback_query"] }).catch((error: unknown) => {
        logger.error({ err: error }, "telegram long polling stopped");
      });
      closers.push({ name: "telegram polling", close: () => polling.stop() });
    }
  }

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
    });
    closers.push(
      { name: "notification worker", close: () => worker.close() },
      { name: "worker redis", close: async () => void (await workerRedis.quit()) },
    );
  }

  closers.push(
    { name: "notification queue", close: () => queue.close() },
    { name: "redis", close: async () => void (await Promise.all([redis.quit(), queueRedis.quit()])) },
    { name: "postgres", close: () => db.$disconnect() },
  );
  return { url, http, close: () => closeAll(closers, config.shutdownTimeoutMs, logger) };
}
