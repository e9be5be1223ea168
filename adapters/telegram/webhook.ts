import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { type Bot, webhookCallback } from "grammy";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Constant-time comparison of the secret header (hashes make the lengths equal). */
function hasSecret(header: string | string[] | undefined, secretToken: string): boolean {
  if (typeof header !== "string") return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(header), digest(secretToken));
}

/**
 * `POST /telegram/webhook`: the secret header is checked before the body is read (401 otherwise,
 * whatever the body). A slow turn is answered after 9 s while it finishes, so Telegram does not
 * redeliver it; redeliveries are deduplicated by update_id in the core anyway.
 */
export function registerTelegramWebhook(app: FastifyInstance, bot: Bot, secretToken: string): void {
  const handle = webhookCallback(bot, "fastify", {
    secretToken,
    onTimeout: "return",
    timeoutMilliseconds: 9_000,
  });
  app.post(
    TELEGRAM_WEBHOOK_PATH,
    {
      onRequest: async (request, reply) => {
        if (!hasSecret(request.headers[SECRET_HEADER], secretToken)) {
          return reply.code(401).send({ error: "unauthorized" });
        }
      },
      // JSON that is not an object (`null`) would throw inside grammY before the bot sees it: it is
      // handled as an empty update, which the bot ignores (200).
      preHandler: async (request) => {
        if (typeof request.body !== "object" || request.body === null) request.body = {};
      },
    },
    handle,
  );
}

export async function setWebhook(bot: Bot, publicUrl: string, secretToken: string): Promise<void> {
  await bot.api.setWebhook(`${publicUrl}${TELEGRAM_WEBHOOK_PATH}`, {
    secret_token: secretToken,
    allowed_updates: ["message", "callback_query"],
  });
}
