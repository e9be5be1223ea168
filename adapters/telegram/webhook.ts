import type { FastifyInstance } from "fastify";
import { type Bot, webhookCallback } from "grammy";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";

/**
 * `POST /telegram/webhook`: the secret header is checked (401 otherwise). A slow turn is answered
 * after 9 s while it finishes, so Telegram does not redeliver it; redeliveries are deduplicated by
 * update_id in the core anyway.
 */
export function registerTelegramWebhook(app: FastifyInstance, bot: Bot, secretToken: string): void {
  const handle = webhookCallback(bot, "fastify", {
    secretToken,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  app.post(TELEGRAM_WEBHOOK_PATH, handle);
}

export async function setWebhook(bot: Bot, publicUrl: string, secretToken: string): Promise<void> {
  await bot.api.setWebhook(`${publicUrl}${TELEGRAM_WEBHOOK_PATH}`, {
    secret_token: secretToken,
    allowed_updates: ["message", "callback_query"],
  });
}
