/** The Bot API methods that put messages into chats or change them. */
import type { MethodHandler, MethodRequest } from "./bot-api-state.ts";
import type { ChatMessage, ReplyMarkup } from "./chat-log.ts";
import { imageSize } from "./image-size.ts";
import {
  chatParameter,
  inputFileParameter,
  messageIdParameter,
  replyMarkupParameter,
  stringParameter,
  type TextParameter,
  textParameter,
} from "./parameters.ts";
import { badRequest } from "./telegram-errors.ts";
import { photoSizes } from "./telegram-updates.ts";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const sendMessage: MethodHandler = ({ payload, state }) => {
  const chat = chatParameter(payload, state);
  const text = textParameter(payload, "text");
  const replyMarkup = replyMarkupParameter(payload);
  return state.chats.append(chat, {
    kind: "text",
    text: text?.visible,
    sourceText: text?.source,
    parseMode: text?.parseMode,
    replyMarkup,
  }).message;
};

const sendPhoto: MethodHandler = ({ payload, state }) => {
  const chat = chatParameter(payload, state);
  const caption = textParameter(payload, "caption");
  const replyMarkup = replyMarkupParameter(payload);
  const file = inputFileParameter(payload, "photo", state);
  // The original's real size when the upload is a PNG or JPEG (a chart, a photo), as Telegram reports it.
  const photo = photoSizes(file.fileId, file.fileUniqueId, {
    fileSize: file.bytes.byteLength,
    ...imageSize(file.bytes),
  });
  return state.chats.append(chat, {
    kind: "photo",
    text: caption?.visible,
    sourceText: caption?.source,
    parseMode: caption?.parseMode,
    replyMarkup,
    media: { photo },
  }).message;
};

const sendDocument: MethodHandler = ({ payload, state }) => {
  const chat = chatParameter(payload, state);
  const caption = textParameter(payload, "caption");
  const replyMarkup = replyMarkupParameter(payload);
  const file = inputFileParameter(payload, "document", state);
  return state.chats.append(chat, {
    kind: "document",
    text: caption?.visible,
    sourceText: caption?.source,
    parseMode: caption?.parseMode,
    replyMarkup,
    media: {
      document: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        ...(file.fileName === undefined ? {} : { file_name: file.fileName }),
        mime_type: file.mimeType,
        file_size: file.bytes.byteLength,
      },
    },
  }).message;
};

const editMessageText: MethodHandler = (request) =>
  editMessage(request, (message) => {
    if (message.kind !== "text") throw badRequest("there is no text in the message to edit");
    return textParameter(request.payload, "text");
  });

const editMessageCaption: MethodHandler = (request) =>
  editMessage(request, (message) => {
    if (message.kind === "text") throw badRequest("there is no caption in the message to edit");
    return textParameter(request.payload, "caption") ?? { visible: "", source: "", parseMode: undefined };
  });

const editMessageReplyMarkup: MethodHandler = (request) => editMessage(request, () => undefined);

/**
 * The shared part of the edit methods. As in Telegram, leaving `reply_markup` out removes the
 * inline keyboard, and an edit that changes nothing is refused with "message is not modified".
 */
function editMessage(
  { payload, state }: MethodRequest,
  newText: (message: ChatMessage) => TextParameter | undefined,
): unknown {
  if (payload.inline_message_id !== undefined) {
    replyMarkupParameter(payload);
    return true; // messages sent via inline mode are not tracked
  }
  const chat = chatParameter(payload, state);
  const messageId = messageIdParameter(payload);
  const found = state.chats.find(chat, messageId);
  if (found === undefined) throw badRequest("message to edit not found");
  if (found === "incoming") throw badRequest("message can't be edited");
  const text = newText(found);
  const replyMarkup = replyMarkupParameter(payload);
  if (replyMarkup !== undefined && !("inline_keyboard" in replyMarkup)) {
    throw badRequest("inline keyboard expected");
  }
  const sameText = text === undefined || text.visible === (found.text ?? "");
  if (sameText && sameMarkup(found.replyMarkup, replyMarkup)) throw badRequest(NOT_MODIFIED);
  return state.chats.edit(chat, messageId, {
    ...(text === undefined ? {} : { text }),
    replyMarkup,
  }).message;
}

const deleteMessage: MethodHandler = ({ payload, state }) => {
  const chat = chatParameter(payload, state);
  if (!state.chats.delete(chat, messageIdParameter(payload))) throw badRequest("message to delete not found");
  return true;
};

const sendChatAction: MethodHandler = ({ payload, state }) => {
  const chat = chatParameter(payload, state);
  const action = stringParameter(payload, "action");
  if (action === undefined || !CHAT_ACTIONS.has(action))
    throw badRequest("wrong parameter action in request");
  state.chats.recordAction(chat, action);
  return true;
};

const answerCallbackQuery: MethodHandler = ({ payload }) => {
  const id = stringParameter(payload, "callback_query_id");
  if (id === undefined || id === "") {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  const text = stringParameter(payload, "text") ?? "";
  if (text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
  return true;
};

function sameMarkup(before: ReplyMarkup | undefined, after: ReplyMarkup | undefined): boolean {
  return canonical(inlineOnly(before)) === canonical(inlineOnly(after));
}

/** Only inline keyboards stay on a message; an empty one is none. */
function inlineOnly(markup: ReplyMarkup | undefined): unknown {
  if (markup === undefined || !("inline_keyboard" in markup)) return undefined;
  return markup.inline_keyboard.length === 0 ? undefined : markup.inline_keyboard;
}

/** JSON with object keys sorted, so key order does not count as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  sendPhoto,
  sendDocument,
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
  sendChatAction,
  answerCallbackQuery,
};

/** Methods that put a new message into a chat: they count against the rate limit. */
export function isSendMethod(method: string): boolean {
  const name = method.toLowerCase();
  return name.startsWith("send") && name !== "sendchataction";
}
