import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { type Bot, BotError } from "grammy";
import type { Update } from "grammy/types";
import { openAnswerSlot } from "./webhook-answer.ts";

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

/** A slow turn is answered after this while it finishes, so Telegram does not deliver it again. */
const ANSWER_WITHIN_MS = 9_000;

/**
 * `POST /telegram/webhook`: the secret header is checked before the body is read (401 otherwise,
 * whatever the body). The answer is 200, with the turn's last Bot API call as its body when the renderer
 * gave one (adapters/telegram/webhook-answer.ts). A slow turn is answered after 9 s while it finishes;
 * redeliveries are deduplicated by update_id in the core anyway. A turn refused while the database is
 * unreachable is answered 503, so Telegram delivers it again (`RedeliverLater`).
 */
export function registerTelegramWebhook(app: FastifyInstance, bot: Bot, secretToken: string): void {
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
      const update = request.body as Update;
      const slot = openAnswerSlot(update);
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          bot.handleUpdate(update),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, ANSWER_WITHIN_MS);
          }),
        ]);
      } catch (error) {
        const cause = error instanceof BotError ? error.error : error;
        if (!(cause instanceof RedeliverLater)) throw error;
        return reply.code(503).send({ error: "unavailable, deliver again later" });
      } finally {
        clearTimeout(timer);
        slot.close();
      }
      const body = slot.body;
      return body === undefined ? reply.send("") : reply.type("application/json").send(body);
    },
  );
}

export async function setWebhook(bot: Bot, publicUrl: string, secretToken: string): Promise<void> {
  await bot.api.setWebhook(`${publicUrl}${TELEGRAM_WEBHOOK_PATH}`, {
    secret_token: secretToken,
    allowed_updates: ["message", "callback_query"],
  });
}
