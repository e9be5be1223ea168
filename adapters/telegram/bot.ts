import { autoRetry } from "@grammyjs/auto-retry";
import { Bot, type BotError, type Context, GrammyError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { ConversationEngine } from "../../src/conversation/engine.ts";
import type { LocaleCode } from "../../src/conversation/types.ts";
import { isDatabaseUnavailable } from "../../src/db/unavailable.ts";
import type { Logger } from "../../src/logger.ts";
import { unreachableReason } from "./outbound.ts";
import { renderReplies } from "./render.ts";
import { toInbound } from "./to-inbound.ts";
import { RedeliverLater } from "./webhook.ts";
import { webhookAnswerOf } from "./webhook-answer.ts";

export interface TelegramBotDeps {
  token: string;
  apiRoot: string;
  engine: ConversationEngine;
  logger: Logger;
  defaultLocale: LocaleCode;
  /** Skips the getMe call at start (tests, benchmarks) */
  botInfo?: UserFromGetMe;
  /**
   * Webhook mode: an update whose turn failed because the database is unreachable is refused
   * (`RedeliverLater`, the webhook answers 503) instead of apologised for, so Telegram delivers it again.
   */
  refuseWhenDatabaseUnavailable?: boolean;
}

/**
 * The grammY bot: every update becomes a neutral inbound event for the conversation core, and the
 * core's replies are rendered back. Nothing here decides what to say.
 */
export async function createTelegramBot(deps: TelegramBotDeps): Promise<Bot> {
  const { logger } = deps;
  const bot = new Bot(deps.token, {
    client: { apiRoot: deps.apiRoot },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  if (!deps.botInfo) await bot.init();
  // Replies to a user retry a brief 429 or 5xx; proactive sends use their own Api (the queue retries those).
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));

  // grammY's bot.catch does not cover webhooks: this boundary does, so the webhook always answers.
  const onError = (error: BotError<Context>) => {
    if (error.error instanceof RedeliverLater) throw error.error;
    logger.error({ err: error.error, updateId: error.ctx.update.update_id }, "telegram update failed");
  };
  bot.errorBoundary(onError).use(async (ctx) => {
    const inbound = toInbound(ctx.update, ctx.me.id);
    if (!inbound) return;
    const callbackQueryId = ctx.callbackQuery?.id;
    let replies: Awaited<ReturnType<ConversationEngine["handle"]>>;
    try {
      replies = await deps.engine.handle(inbound);
    } catch (error) {
      if (deps.refuseWhenDatabaseUnavailable && isDatabaseUnavailable(error)) {
        logger.warn({ updateId: ctx.update.update_id }, "database unavailable: update left for redelivery");
        throw new RedeliverLater(error);
      }
      logger.error({ err: error, updateId: ctx.update.update_id }, "conversation turn failed");
      replies = await deps.engine.apologyFor(inbound.account);
    }
    try {
      await renderReplies(ctx.api, inbound.account.address, replies, {
        callbackQueryId,
        webhookAnswer: webhookAnswerOf(ctx.update),
      });
    } catch (error) {
      const reason = error instanceof GrammyError ? unreachableReason(error) : null;
      if (!reason) throw error;
      await deps.engine.markUnreachable(inbound.account, reason);
      logger.info({ updateId: ctx.update.update_id, reason }, "telegram chat unreachable");
    }
  });
  return bot;
}
