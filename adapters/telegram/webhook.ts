import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { type Bot, BotError, webhookCallback } from "grammy";

export const TELEGRAM_WEBHOOK_PATH = "/telegram/webhook";
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * A turn that could not be taken for a passing reason (the database is unreachable): the webhook
 * answers 503 and Telegram delivers the update again later; its update_id makes the redelivery safe.
 */
export class RedeliverLater extends Error {
  constructor(cause: unknown) {
    super("update refused for redelivery", { cause });
    this.name = "RedeliverLater";
  }
}

/** Constant-time comparison of the secret header (hashes make the lengths equal). */
function hasSecret(header: string | string[] | undefined, secretToken: string): boolean {
  if (typeof header !== "string") return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(header), digest(secretToken));
}

/**
 * `POST /telegram/webhook`: the secret header is checked before the body is read (401 otherwise,
 * whatever the body). A slow turn is answered after 9 s while it finishes, so Telegram does not
 * redeliver it; redeliveries are deduplicated by update_id in the core anyway. A turn refused while the
 * database is unreachable is answered 503, so Telegram delivers it again (`RedeliverLater`).
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
    async (request, reply) => {
      try {
        await handle(request, reply);
      } catch (error) {
        const cause = error instanceof BotError ? error.error : error;
        if (!(cause instanceof RedeliverLater)) throw error;
        if (!reply.sent) await reply.code(503).send({ error: "unavailable, deliver again later" });
      }
    },
  );
}

export async function setWebhook(bot: Bot, publicUrl: string, secretToken: string): Promise<void> {
  await bot.api.setWebhook(`${publicUrl}${TELEGRAM_WEBHOOK_PATH}`, {
    secret_token: secretToken,
    allowed_updates: ["message", "callback_query"],
  });
}
