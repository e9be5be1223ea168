import { type Api, GrammyError, InlineKeyboard, InputFile } from "grammy";
import type { Choice, Reply } from "../../src/conversation/types.ts";
import { unreachableReason } from "./outbound.ts";
import type { WebhookAnswer } from "./webhook-answer.ts";

/** Telegram allows 4096 characters per message, 1024 per caption. */
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

export function keyboardOf(choices: Choice[][] | undefined): InlineKeyboard | undefined {
  if (!choices || choices.length === 0) return undefined;
  return InlineKeyboard.from(
    choices.map((row) =>
      row.map((c) =>
        "url" in c ? InlineKeyboard.url(c.label, c.url) : InlineKeyboard.text(c.label, c.data),
      ),
    ),
  );
}

const clampText = (text: string) => (text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`);

export function isNotModified(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    error.description.includes("message is not modified")
  );
}

/** One reply as a message or an edit, over HTTP (a 429 is retried, a failure seen). */
async function send(api: Api, chatId: string, r: Exclude<Reply, { kind: "image" }>): Promise<void> {
  if (r.kind === "form") {
    // The core asks step by step on Telegram; a form reaching here is shown as its texts.
    const text = r.fields.flatMap((f) => (f.kind === "info" ? [f.text] : [])).join("\n\n") || r.title;
    await api.sendMessage(chatId, clampText(text));
  } else if (r.kind === "notice" || r.kind === "message" || r.kind === "ask") {
    const markup = r.kind === "message" ? keyboardOf(r.choices) : undefined;
    await api.sendMessage(chatId, clampText(r.text), markup ? { reply_markup: markup } : {});
  } else {
    const markup = keyboardOf(r.choices) ?? { inline_keyboard: [] };
    try {
      await api.editMessageText(r.message.chatId, Number(r.message.messageId), clampText(r.text), {
        reply_markup: markup,
      });
    } catch (error) {
      if (!isNotModified(error)) throw error;
    }
  }
}

export interface RenderOptions {
  /** The pressed button's callback query, answered after the replies (with the first notice, if any) */
  callbackQueryId?: string | undefined;
  /** Takes the callback answer as the webhook's answer (adapters/telegram/webhook-answer.ts) */
  webhookAnswer?: WebhookAnswer | undefined;
}

/**
 * Sends the core's replies in Telegram's idiom: messages with inline keyboards, edits of the message
 * whose button was pressed, and the callback answer. Messages and edits go over HTTP, so a 429 is retried
 * and a failure seen. The callback answer comes last, as the webhook's answer when there is one, and also when
 * a send failed (its spinner stops all the same). A picture that cannot be sent does not stop the replies
 * after it (its text went before it); the failure is thrown at the end.
 */
export async function renderReplies(
  api: Api,
  chatId: string,
  replies: readonly Reply[],
  options: RenderOptions = {},
): Promise<void> {
  const { callbackQueryId } = options;
  const toast = callbackQueryId ? replies.find((r) => r.kind === "notice") : undefined;
  let failure: { error: unknown } | undefined;
  try {
    let imageFailure: unknown;
    for (const r of replies) {
      if (r === toast) continue;
      if (r.kind !== "image") {
        await send(api, chatId, r);
        continue;
      }
      try {
        await api.sendPhoto(chatId, new InputFile(r.png, r.fileName), {
          caption: r.alt.slice(0, MAX_CAPTION),
        });
      } catch (error) {
        if (error instanceof GrammyError && unreachableReason(error)) throw error;
        imageFailure ??= error;
      }
    }
    if (imageFailure !== undefined) throw imageFailure;
  } catch (error) {
    failure = { error };
  }
  if (callbackQueryId) {
    const other = toast ? { text: toast.text.slice(0, 200) } : {};
    try {
      if (!options.webhookAnswer?.("answerCallbackQuery", { callback_query_id: callbackQueryId, ...other })) {
        await api.answerCallbackQuery(callbackQueryId, other);
      }
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
