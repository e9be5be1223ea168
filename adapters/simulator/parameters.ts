/**
 * Reading and checking Bot API parameters the way Telegram does, with its error descriptions, so a
 * bot that sends something Telegram would refuse is refused here too.
 */
import type { BotApiState } from "./bot-api-state.ts";
import { chatKey, type ReplyMarkup } from "./chat-log.ts";
import { guessMimeType, type StoredFile } from "./file-store.ts";
import type { UploadedFile } from "./request-payload.ts";
import { BotApiError, badRequest, telegramFailures } from "./telegram-errors.ts";
import { visibleText } from "./telegram-html.ts";

type Payload = Record<string, unknown>;

/** A text or caption as sent and as a user sees it. */
export interface TextParameter {
  visible: string;
  source: string;
  parseMode: string | undefined;
}

const INLINE_BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
  "disabled",
] as const;

export function stringParameter(payload: Payload, name: string): string | undefined {
  const value = payload[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest(`parameter "${name}" must be a string`);
}

export function integerParameter(payload: Payload, name: string): number | undefined {
  const value = payload[name];
  if (value === undefined || value === null || value === "") return undefined;
  const number = typeof value === "string" ? Number(value) : value;
  if (typeof number === "number" && Number.isSafeInteger(number)) return number;
  throw badRequest(`invalid ${name} specified`);
}

export function booleanParameter(payload: Payload, name: string): boolean {
  const value = payload[name];
  return value === true || value === "true" || value === 1 || value === "1";
}

/** The chat a call is about, as a chat key; 403 when its user blocked the bot. */
export function chatParameter(payload: Payload, state: BotApiState): string {
  const raw = payload.chat_id;
  if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
  const key = chatKey(raw);
  if (key === undefined) throw new BotApiError(telegramFailures.chatNotFound);
  if (state.blockedChats.has(key)) throw new BotApiError(telegramFailures.botBlocked);
  return key;
}

/** `message_id` of an existing message. */
export function messageIdParameter(payload: Payload): number {
  const id = integerParameter(payload, "message_id");
  if (id === undefined) throw badRequest("message identifier is not specified");
  return id;
}

/** The message text (`text`, up to 4096) or a caption (`caption`, up to 1024, optional). */
export function textParameter(payload: Payload, field: "text" | "caption"): TextParameter | undefined {
  const source = stringParameter(payload, field);
  const parseMode = stringParameter(payload, "parse_mode");
  if (source === undefined || source === "") {
    if (field === "text") throw badRequest("message text is empty");
    return undefined;
  }
  const visible = visibleText(source, parseMode);
  if (field === "text" && visible.trim() === "") throw badRequest("message text is empty");
  if (field === "text" && visible.length > 4096) throw badRequest("message is too long");
  if (field === "caption" && visible.length > 1024) throw badRequest("message caption is too long");
  return { visible, source, parseMode };
}

/** `reply_markup`, checked like Telegram checks keyboards (callback data of 1–64 bytes, …). */
export function replyMarkupParameter(payload: Payload): ReplyMarkup | undefined {
  let value = payload.reply_markup;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw badRequest("can't parse reply keyboard markup JSON object");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  if ("inline_keyboard" in value) {
    checkInlineKeyboard(value.inline_keyboard);
    return value as ReplyMarkup;
  }
  if ("keyboard" in value) {
    if (!Array.isArray(value.keyboard) || !value.keyboard.every(Array.isArray)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    }
    return value as ReplyMarkup;
  }
  if ("remove_keyboard" in value || "force_reply" in value) return value as ReplyMarkup;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function checkInlineKeyboard(rows: unknown): void {
  if (!Array.isArray(rows))
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
  for (const row of rows) {
    if (!Array.isArray(row))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    for (const button of row) {
      if (typeof button !== "object" || button === null)
        throw badRequest("can't parse inline keyboard button");
      const fields = button as Record<string, unknown>;
      if (typeof fields.text !== "string")
        throw badRequest("can't parse inline keyboard button: Text must be non-empty");
      const actions = INLINE_BUTTON_ACTIONS.filter((action) => fields[action] !== undefined);
      if (actions.length === 0) throw badRequest("text buttons are unallowed in the inline keyboard");
      const data = fields.callback_data;
      if (data !== undefined) {
        const bytes = typeof data === "string" ? Buffer.byteLength(data) : 0;
        if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
      const url = fields.url;
      if (url !== undefined && !isButtonUrl(url)) {
        throw badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
      }
    }
  }
}

function isButtonUrl(url: unknown): boolean {
  if (typeof url !== "string") return false;
  try {
    return ["http:", "https:", "tg:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * The file a `sendPhoto`/`sendDocument` call refers to: an upload (kept under a new file id), the
 * id of a file the stand-in knows, or an HTTP URL (kept as an empty file).
 */
export function inputFileParameter(
  payload: Payload,
  field: "photo" | "document",
  state: BotApiState,
): StoredFile {
  const value = payload[field];
  if (value === undefined || value === null || value === "")
    throw badRequest(`there is no ${field} in the request`);
  if (isUpload(value)) {
    const mimeType =
      value.contentType !== "application/octet-stream"
        ? value.contentType
        : guessMimeType(value.fileName, field);
    return state.files.storeUpload(field, value.bytes, mimeType, value.fileName);
  }
  if (typeof value !== "string") throw badRequest("wrong file identifier/HTTP URL specified");
  const known = state.files.get(value);
  if (known !== undefined) return known;
  if (/^https?:\/\//.test(value)) {
    const fileName = new URL(value).pathname.split("/").at(-1) || undefined;
    return state.files.storeUpload(field, new Uint8Array(), guessMimeType(fileName, field), fileName);
  }
  throw badRequest("wrong file identifier/HTTP URL specified");
}

function isUpload(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "bytes" in value && "partName" in value;
}
