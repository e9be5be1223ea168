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

function isNotModified(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    error.description.includes("message is not modified")
  );
}

/**
 * Sends the core's replies in Telegram's idiom: messages with inline keyboards, edits of the message
 * whose button was pressed, and the callback answer (a pressed button always gets one, so its
 * spinner stops).
 */
export async function renderReplies(
  api: Api,
  chatId: string,
  replies: readonly Reply[],
  callbackQueryId: string | undefined,
): Promise<void> {
  let answered = false;
  for (const r of replies) {
    if (r.kind === "notice") {
      if (callbackQueryId && !answered) {
        await api.answerCallbackQuery(callbackQueryId, { text: r.text.slice(0, 200) });
        answered = true;
      } else {
        await api.sendMessage(chatId, clampText(r.text));
      }
    } else if (r.kind === "message") {
      const markup = keyboardOf(r.choices);
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
  if (callbackQueryId && !answered) await api.answerCallbackQuery(callbackQueryId);
}
