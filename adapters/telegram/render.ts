import { type Api, GrammyError, InlineKeyboard } from "grammy";
import type { Choice, Reply } from "../../src/conversation/types.ts";

/** Telegram allows 4096 characters per message. */
const MAX_TEXT = 4096;

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

/**
 * Sends the core's replies in Telegram's idiom: messages with inline keyboards, edits of the message
 * whose button was pressed, and the callback answer. A pressed button is answered first (with the
 * first notice, if any), so its spinner stops even when a later send fails.
 */
export async function renderReplies(
  api: Api,
  chatId: string,
  replies: readonly Reply[],
  callbackQueryId: string | undefined,
): Promise<void> {
  const toast = callbackQueryId ? replies.find((r) => r.kind === "notice") : undefined;
  if (callbackQueryId) {
    await api.answerCallbackQuery(callbackQueryId, toast ? { text: toast.text.slice(0, 200) } : {});
  }
  for (const r of replies) {
    if (r === toast) continue;
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
}
