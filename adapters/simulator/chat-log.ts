import type {
  Chat,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  User,
} from "grammy/types";

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** One earlier version of a message the bot edited. */
export interface MessageVersion {
  text: string | undefined;
  replyMarkup: ReplyMarkup | undefined;
  at: number;
}

/** A message the bot sent, as the chat shows it now. */
export interface ChatMessage {
  readonly messageId: number;
  readonly kind: "text" | "photo" | "document";
  /** What the user sees now: the text or caption after edits, with HTML markup resolved */
  readonly text: string | undefined;
  /** The text or caption as the bot last sent it (with its markup) */
  readonly sourceText: string | undefined;
  readonly parseMode: string | undefined;
  /** The keyboard as the bot last sent it (inline, reply keyboard, removal or force-reply) */
  readonly replyMarkup: ReplyMarkup | undefined;
  /** Rows of inline buttons now attached ([] when none) */
  readonly inlineKeyboard: readonly (readonly InlineKeyboardButton[])[];
  /** Versions before each edit, oldest first */
  readonly history: readonly MessageVersion[];
  readonly deleted: boolean;
  /** Clock milliseconds */
  readonly sentAt: number;
  readonly editedAt: number | undefined;
  /** The message as the Bot API returns it now */
  readonly message: Message;
}

/** The bot's side of one chat, live: reading a property again shows later messages. */
export interface ChatView {
  readonly chatId: string;
  /** Every message the bot sent here, in order, deleted ones flagged */
  readonly messages: readonly ChatMessage[];
  /** `sendChatAction`s, in order */
  readonly actions: readonly { action: string; at: number }[];
  /** The messages not deleted */
  visible(): ChatMessage[];
  /** The latest message not deleted */
  last(): ChatMessage | undefined;
  /** The current text of every message not deleted */
  texts(): string[];
}

/** What a send method puts into a new message. */
export interface NewMessage {
  kind: ChatMessage["kind"];
  text: string | undefined;
  sourceText: string | undefined;
  parseMode: string | undefined;
  replyMarkup: ReplyMarkup | undefined;
  /** Media fields of the `Message` (`photo`, `document`) */
  media?: Pick<Message, "photo" | "document">;
}

export interface MessageChange {
  text?: { visible: string; source: string; parseMode: string | undefined };
  replyMarkup: ReplyMarkup | undefined;
}

type MutableMessage = { -readonly [K in keyof ChatMessage]: ChatMessage[K] };

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  messages: MutableMessage[];
  byId: Map<number, MutableMessage>;
  /** Ids of messages users sent here (seen in enqueued updates): they exist but the bot cannot edit them */
  incomingIds: Set<number>;
  actions: { action: string; at: number }[];
}

/** The canonical key of a `chat_id` parameter: "42", "-100123", "@channelname". */
export function chatKey(chatId: unknown): string | undefined {
  if (typeof chatId === "number" && Number.isSafeInteger(chatId)) return String(chatId);
  if (typeof chatId !== "string") return undefined;
  const trimmed = chatId.trim();
  if (/^-?\d+$/.test(trimmed)) return String(Number(trimmed));
  if (/^@\w{4,}$/.test(trimmed)) return trimmed.toLowerCase();
  return undefined;
}

/** Every chat the bot wrote to, kept the way a Telegram client would show it. */
export class ChatLog {
  private readonly chats = new Map<string, ChatState>();

  constructor(
    private readonly bot: () => User,
    private readonly now: () => number,
  ) {}

  chatIds(): string[] {
    return [...this.chats.keys()];
  }

  /** Learns a chat's name and the ids of messages users sent from an update passing through. */
  observeIncoming(message: Message): void {
    const state = this.state(String(message.chat.id));
    state.chat = message.chat;
    state.incomingIds.add(message.message_id);
    state.nextMessageId = Math.max(state.nextMessageId, message.message_id + 1);
  }

  append(key: string, content: NewMessage): ChatMessage {
    const state = this.state(key);
    const at = this.now();
    const messageId = state.nextMessageId++;
    const entry: MutableMessage = {
      messageId,
      kind: content.kind,
      text: content.text,
      sourceText: content.sourceText,
      parseMode: content.parseMode,
      replyMarkup: content.replyMarkup,
      inlineKeyboard: inlineRows(content.replyMarkup),
      history: [],
      deleted: false,
      sentAt: at,
      editedAt: undefined,
      message: {
        message_id: messageId,
        date: Math.floor(at / 1000),
        chat: state.chat,
        ...(state.chat.type === "channel" ? {} : { from: this.bot() }),
        ...(content.kind === "text" ? { text: content.text ?? "" } : {}),
        ...(content.kind !== "text" && content.text !== undefined ? { caption: content.text } : {}),
        ...content.media,
        ...inlineMarkup(content.replyMarkup),
      },
    };
    state.messages.push(entry);
    state.byId.set(messageId, entry);
    return entry;
  }

  /** The bot's message, "incoming" for a user's message, or undefined when there is no such message. */
  find(key: string, messageId: number): ChatMessage | "incoming" | undefined {
    const state = this.chats.get(key);
    const entry = state?.byId.get(messageId);
    if (entry !== undefined && !entry.deleted) return entry;
    return state?.incomingIds.has(messageId) ? "incoming" : undefined;
  }

  edit(key: string, messageId: number, change: MessageChange): ChatMessage {
    const entry = this.chats.get(key)?.byId.get(messageId);
    if (entry === undefined) throw new Error(`no message ${messageId} in chat ${key}`);
    const at = this.now();
    entry.history = [...entry.history, { text: entry.text, replyMarkup: entry.replyMarkup, at }];
    const { reply_markup: _previous, ...message } = entry.message;
    if (change.text !== undefined) {
      entry.text = change.text.visible;
      entry.sourceText = change.text.source;
      entry.parseMode = change.text.parseMode;
      if (entry.kind === "text") message.text = change.text.visible;
      else message.caption = change.text.visible;
    }
    entry.replyMarkup = change.replyMarkup;
    entry.inlineKeyboard = inlineRows(change.replyMarkup);
    entry.editedAt = at;
    entry.message = { ...message, edit_date: Math.floor(at / 1000), ...inlineMarkup(change.replyMarkup) };
    return entry;
  }

  /** Marks a message deleted; false if there was none (or it was gone already). */
  delete(key: string, messageId: number): boolean {
    const state = this.chats.get(key);
    const entry = state?.byId.get(messageId);
    if (entry !== undefined && !entry.deleted) {
      entry.deleted = true;
      return true;
    }
    return state?.incomingIds.delete(messageId) ?? false;
  }

  recordAction(key: string, action: string): void {
    this.state(key).actions.push({ action, at: this.now() });
  }

  view(key: string): ChatView {
    const state = () => this.chats.get(key);
    const visible = () => (state()?.messages ?? []).filter((message) => !message.deleted);
    return {
      chatId: key,
      get messages() {
        return [...(state()?.messages ?? [])];
      },
      get actions() {
        return [...(state()?.actions ?? [])];
      },
      visible,
      last: () => visible().at(-1),
      texts: () => visible().map((message) => message.text ?? ""),
    };
  }

  clear(): void {
    this.chats.clear();
  }

  private state(key: string): ChatState {
    let state = this.chats.get(key);
    if (state === undefined) {
      state = {
        chat: chatFromKey(key),
        nextMessageId: 1,
        messages: [],
        byId: new Map(),
        incomingIds: new Set(),
        actions: [],
      };
      this.chats.set(key, state);
    }
    return state;
  }
}

/** A plausible chat for an id seen only as a `chat_id` parameter. */
function chatFromKey(key: string): Chat {
  if (key.startsWith("@"))
    return { id: -1_000_000_000_000 - hash(key), type: "channel", title: key.slice(1) };
  const id = Number(key);
  if (id > 0) return { id, type: "private", first_name: `User ${id}` };
  if (id <= -1_000_000_000_000) return { id, type: "supergroup", title: `Group ${id}` };
  return { id, type: "group", title: `Group ${id}` };
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + (char.codePointAt(0) ?? 0)) % 1_000_000_000;
  return value;
}

function inlineRows(markup: ReplyMarkup | undefined): InlineKeyboardButton[][] {
  return markup !== undefined && "inline_keyboard" in markup ? markup.inline_keyboard : [];
}

/** Telegram echoes only inline keyboards in the returned `Message`. */
function inlineMarkup(markup: ReplyMarkup | undefined): { reply_markup?: InlineKeyboardMarkup } {
  return markup !== undefined && "inline_keyboard" in markup && markup.inline_keyboard.length > 0
    ? { reply_markup: markup }
    : {};
}
