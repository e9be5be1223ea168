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

/** A Bot API call the renderer makes (never an upload: those go through `api.sendPhoto`). */
interface JsonCall {
  method: "sendMessage" | "editMessageText" | "answerCallbackQuery";
  payload: Record<string, unknown>;
}

function callFor(chatId: string, r: Exclude<Reply, { kind: "image" }>): JsonCall {
  if (r.kind === "form") {
    // The core asks step by step on Telegram; a form reaching here is shown as its texts.
    const text = r.fields.flatMap((f) => (f.kind === "info" ? [f.text] : [])).join("\n\n") || r.title;
    return { method: "sendMessage", payload: { chat_id: chatId, text: clampText(text) } };
  }
  if (r.kind === "notice" || r.kind === "message" || r.kind === "ask") {
    const markup = r.kind === "message" ? keyboardOf(r.choices) : undefined;
    return {
      method: "sendMessage",
      payload: { chat_id: chatId, text: clampText(r.text), ...(markup ? { reply_markup: markup } : {}) },
    };
  }
  return {
    method: "editMessageText",
    payload: {
      chat_id: r.message.chatId,
      message_id: Number(r.message.messageId),
      text: clampText(r.text),
      reply_markup: keyboardOf(r.choices) ?? { inline_keyboard: [] },
    },
  };
}

async function send(api: Api, call: JsonCall): Promise<void> {
  const { method, payload } = call;
  try {
    await (api.raw[method] as (payload: Record<string, unknown>) => Promise<unknown>)(payload);
  } catch (error) {
    if (!(method === "editMessageText" && isNotModified(error))) throw error;
  }
}

export interface RenderOptions {
  /** The pressed button's callback query, answered after the replies (with the first notice, if any) */
  callbackQueryId?: string | undefined;
  /** Takes the callback answer as the webhook's answer (adapters/telegram/webhook-answer.ts) */
  lastCall?: WebhookAnswer | undefined;
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
        await send(api, callFor(chatId, r));
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
    const payload = {
      callback_query_id: callbackQueryId,
      ...(toast ? { text: toast.text.slice(0, 200) } : {}),
    };
    try {
      if (!options.lastCall?.("answerCallbackQuery", payload)) {
        await send(api, { method: "answerCallbackQuery", payload });
      }
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
