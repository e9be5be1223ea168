/**
 * Builders of real-format Telegram updates, as the Bot API delivers them to a webhook or through
 * `getUpdates`: a user's text or command, a button press, a photo, a document. Types come from
 * `@grammyjs/types`, so a field Telegram does not send cannot creep in.
 */
import type { Chat, Document, Message, PhotoSize, Update, User } from "grammy/types";
import { botAsUser, defaultBotInfo } from "./bot-info.ts";

/** Who acts, where, and when. A private chat's id is the user's id, so `chatId` defaults to it. */
export interface UpdateOrigin {
  updateId: number;
  userId: number;
  /** Defaults to `userId` (a private chat); a negative id makes a group */
  chatId?: number;
  /** Defaults to `updateId` */
  messageId?: number;
  firstName?: string;
  lastName?: string;
  username?: string;
  /** Telegram's IETF tag of the app language, e.g. "id" or "en" */
  languageCode?: string;
  /** Unix seconds; defaults to now */
  date?: number;
}

type IncomingMessage = Message & Update.NonChannel;
export type TextUpdate = Update & { message: IncomingMessage & { text: string } };
export type PhotoUpdate = Update & { message: IncomingMessage & { photo: PhotoSize[] } };
export type DocumentUpdate = Update & { message: IncomingMessage & { document: Document } };
export type CallbackUpdate = Update & {
  callback_query: NonNullable<Update["callback_query"]> & { data: string };
};

/** A text message; a leading `/command` gets its `bot_command` entity, as Telegram adds it. */
export function textUpdate(origin: UpdateOrigin & { text: string }): TextUpdate {
  const command = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/.exec(origin.text);
  return {
    update_id: origin.updateId,
    message: {
      ...messageBase(origin),
      text: origin.text,
      ...(command === null
        ? {}
        : { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] }),
    },
  };
}

/** A press on an inline button of the bot's message `messageId`. */
export function callbackUpdate(
  origin: Omit<UpdateOrigin, "messageId"> & {
    data: string;
    messageId: number;
    /** The pressed message's current text, as Telegram includes it */
    messageText?: string;
    /** Defaults to a value derived from the update id */
    queryId?: string;
    /** The bot that sent the message; defaults to the stand-in's default bot */
    bot?: User;
  },
): CallbackUpdate {
  const chat = chatOf(origin);
  return {
    update_id: origin.updateId,
    callback_query: {
      id: origin.queryId ?? `${origin.userId}${String(origin.updateId).padStart(6, "0")}`,
      from: userOf(origin),
      message: {
        message_id: origin.messageId,
        date: origin.date ?? nowSeconds(),
        chat,
        from: origin.bot ?? botAsUser(defaultBotInfo()),
        ...(origin.messageText === undefined ? {} : { text: origin.messageText }),
      },
      chat_instance: String(chat.id * 7919),
      data: origin.data,
    },
  };
}

/** A photo, with the several sizes Telegram makes of it; `fileId` is the largest one. */
export function photoUpdate(
  origin: UpdateOrigin & {
    fileId: string;
    fileUniqueId: string;
    caption?: string;
    width?: number;
    height?: number;
    fileSize?: number;
  },
): PhotoUpdate {
  return {
    update_id: origin.updateId,
    message: {
      ...messageBase(origin),
      photo: photoSizes(origin.fileId, origin.fileUniqueId, origin),
      ...(origin.caption === undefined ? {} : { caption: origin.caption }),
    },
  };
}

/** A file sent as a document. */
export function documentUpdate(
  origin: UpdateOrigin & {
    fileId: string;
    fileUniqueId: string;
    fileName: string;
    mimeType: string;
    fileSize: number;
    caption?: string;
  },
): DocumentUpdate {
  return {
    update_id: origin.updateId,
    message: {
      ...messageBase(origin),
      document: {
        file_id: origin.fileId,
        file_unique_id: origin.fileUniqueId,
        file_name: origin.fileName,
        mime_type: origin.mimeType,
        file_size: origin.fileSize,
      },
      ...(origin.caption === undefined ? {} : { caption: origin.caption }),
    },
  };
}

/**
 * The `photo` array Telegram sends: scaled copies (longest side 90, 320, 800) and the original
 * last. Only the last carries `fileId`/`fileUniqueId`; the smaller ones get ids derived from them.
 */
export function photoSizes(
  fileId: string,
  fileUniqueId: string,
  original: { width?: number; height?: number; fileSize?: number } = {},
): PhotoSize[] {
  const width = original.width ?? 1280;
  const height = original.height ?? 960;
  const fileSize = original.fileSize ?? Math.round(width * height * 0.12);
  const longest = Math.max(width, height);
  const scaled = [90, 320, 800]
    .filter((side) => side < longest)
    .map((side): PhotoSize => {
      const ratio = side / longest;
      return {
        file_id: `${fileId}-${side}`,
        file_unique_id: `${fileUniqueId}-${side}`,
        width: Math.round(width * ratio),
        height: Math.round(height * ratio),
        file_size: Math.max(1, Math.round(fileSize * ratio * ratio)),
      };
    });
  return [...scaled, { file_id: fileId, file_unique_id: fileUniqueId, width, height, file_size: fileSize }];
}

function messageBase(origin: UpdateOrigin): IncomingMessage {
  return {
    message_id: origin.messageId ?? origin.updateId,
    from: userOf(origin),
    chat: chatOf(origin),
    date: origin.date ?? nowSeconds(),
  };
}

function userOf(origin: UpdateOrigin): User {
  return {
    id: origin.userId,
    is_bot: false,
    first_name: origin.firstName ?? `User ${origin.userId}`,
    ...(origin.lastName === undefined ? {} : { last_name: origin.lastName }),
    ...(origin.username === undefined ? {} : { username: origin.username }),
    ...(origin.languageCode === undefined ? {} : { language_code: origin.languageCode }),
  };
}

function chatOf(origin: UpdateOrigin): Exclude<Chat, Chat.ChannelChat> {
  const id = origin.chatId ?? origin.userId;
  if (id < 0) return { id, type: id <= -1_000_000_000_000 ? "supergroup" : "group", title: `Group ${-id}` };
  return {
    id,
    type: "private",
    first_name: origin.firstName ?? `User ${origin.userId}`,
    ...(origin.lastName === undefined ? {} : { last_name: origin.lastName }),
    ...(origin.username === undefined ? {} : { username: origin.username }),
  };
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
