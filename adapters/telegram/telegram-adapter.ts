import type { FastifyInstance } from "fastify";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../../src/config.ts";
import type { ConversationEngine } from "../../src/conversation/engine.ts";
import type { FileFetcher } from "../../src/http/evidence-route.ts";
import type { Logger } from "../../src/logger.ts";
import type { OutboundSender } from "../../src/outbound/port.ts";
import { createTelegramBot } from "./bot.ts";
import { registerCommands } from "./commands.ts";
import { createTelegramFileFetcher } from "./file-fetcher.ts";
import { createTelegramProactiveSender } from "./outbound.ts";
import { registerTelegramWebhook, setWebhook } from "./webhook.ts";

/** The bot's identity as getMe returns it (tests pass it to skip the call). */
export type TelegramBotInfo = UserFromGetMe;

/** Everything the rest of the product needs from Telegram, wired from the configuration. */
export interface TelegramAdapter {
  sender: OutboundSender;
  fileFetcher: FileFetcher;
  /** Webhook mode: registers the route, the command menu and the webhook with Telegram. */
  attachWebhook(http: FastifyInstance): Promise<void>;
  /** Long polling mode: registers the command menu and starts polling; returns how to stop. */
  startPolling(): Promise<() => Promise<void>>;
}

export async function createTelegramAdapter(
  config: Config,
  deps: { engine: ConversationEngine; logger: Logger; botInfo?: UserFromGetMe },
): Promise<TelegramAdapter | undefined> {
  const { telegram } = config;
  if (!telegram.botToken || (telegram.mode !== "webhook" && telegram.mode !== "polling")) return undefined;
  const bot: Bot = await createTelegramBot({
    token: telegram.botToken,
    apiRoot: telegram.apiRoot,
    engine: deps.engine,
    logger: deps.logger,
    defaultLocale: config.defaultLocale,
    refuseWhenDatabaseUnavailable: telegram.mode === "webhook",
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  return {
    sender: createTelegramProactiveSender(telegram.botToken, telegram.apiRoot),
    fileFetcher: createTelegramFileFetcher(bot.api, telegram.botToken, telegram.apiRoot),
    async attachWebhook(http) {
      if (telegram.mode !== "webhook" || !telegram.webhookSecret || !config.publicUrl) return;
      registerTelegramWebhook(http, bot, telegram.webhookSecret);
      await registerCommands(bot.api);
      await setWebhook(bot, config.publicUrl, telegram.webhookSecret);
    },
    async startPolling() {
      if (telegram.mode !== "polling") return async () => {};
      await registerCommands(bot.api);
      void bot.start({ allowed_updates: ["message", "callback_query"] }).catch((error: unknown) => {
        deps.logger.error({ err: error }, "telegram long polling stopped");
      });
      return () => bot.stop();
    },
  };
}
