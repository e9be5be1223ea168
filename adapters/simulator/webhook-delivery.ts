import type { Update } from "grammy/types";
import type { TelegramBotApiStandIn } from "./telegram-bot-api.ts";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/**
 * Plays Telegram's side of one webhook delivery: POSTs the update (with the secret header unless `secret`
 * is null), and on a 2xx runs the Bot API call the webhook answered with, if any, on the stand-in.
 * Returns the HTTP status once that call has run.
 */
export async function deliverUpdate(
  botApi: TelegramBotApiStandIn,
  webhookUrl: string,
  update: Update | Record<string, unknown>,
  secret: string | null,
): Promise<number> {
  const response = await fetch(webhookUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret === null ? {} : { [SECRET_HEADER]: secret }) },
    body: JSON.stringify(update),
  });
  const body = await response.text();
  if (response.ok) await botApi.runWebhookAnswer(response.headers.get("content-type"), body);
  return response.status;
}
