import type { Update } from "grammy/types";
import type { Inbound, InboundEvent } from "../../src/conversation/types.ts";

/**
 * A Telegram update as a neutral inbound event, or null for what the bot ignores (group chats,
 * edited messages, membership changes). Commands are recognised by their `bot_command` entity.
 */
export function toInbound(update: Update, botId: number): Inbound | null {
  const eventKey = `telegram:${botId}:${update.update_id}`;
  const query = update.callback_query;
  if (query) {
    const chat = query.message?.chat;
    if (chat && chat.type !== "private") return null;
    const event: InboundEvent = {
      kind: "choice",
      data: query.data ?? "",
      ...(query.message
        ? { message: { chatId: String(query.message.chat.id), messageId: String(query.message.message_id) } }
        : {}),
    };
    return {
      account: {
        platform: "TELEGRAM",
        externalId: String(query.from.id),
        address: String(chat?.id ?? query.from.id),
        ...(query.from.language_code ? { languageCode: query.from.language_code } : {}),
      },
      event,
      eventKey,
    };
  }
  const message = update.message;
  if (!message?.from || message.chat.type !== "private") return null;
  const account = {
    platform: "TELEGRAM" as const,
    externalId: String(message.from.id),
    address: String(message.chat.id),
    ...(message.from.language_code ? { languageCode: message.from.language_code } : {}),
  };
  return { account, event: messageEvent(message), eventKey };
}

function messageEvent(message: NonNullable<Update["message"]>): InboundEvent {
  const text = message.text ?? "";
  const command = message.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (command) {
    const name = text.slice(1, command.length).split("@")[0]!.toLowerCase();
    return { kind: "command", name, args: text.slice(command.length).trim() };
  }
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    return {
      kind: "file",
      file: {
        kind: "PHOTO",
        fileId: largest.file_id,
        fileUniqueId: largest.file_unique_id,
        mimeType: "image/jpeg",
        ...(largest.file_size !== undefined ? { sizeBytes: largest.file_size } : {}),
      },
      ...(message.caption ? { caption: message.caption } : {}),
    };
  }
  if (message.document) {
    const d = message.document;
    return {
      kind: "file",
      file: {
        kind: "DOCUMENT",
        fileId: d.file_id,
        fileUniqueId: d.file_unique_id,
        ...(d.file_name ? { fileName: d.file_name } : {}),
        ...(d.mime_type ? { mimeType: d.mime_type } : {}),
        ...(d.file_size !== undefined ? { sizeBytes: d.file_size } : {}),
      },
      ...(message.caption ? { caption: message.caption } : {}),
    };
  }
  // Stickers, voice notes and the like arrive as empty text: the dialog asks its question again.
  return { kind: "text", text };
}
