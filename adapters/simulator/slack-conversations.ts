import type { SlackBlock } from "./slack-block-kit.ts";
import type { SlackFileObject } from "./slack-files.ts";
import type { SlackTsClock } from "./slack-ids.ts";

/** Who the app is in its messages. */
export interface SlackBotIdentity {
  teamId: string;
  appId: string;
  botId: string;
  botUserId: string;
  botName: string;
}

/** How a message got into the conversation. */
export type SlackMessageSource = "chat.postMessage" | "response_url" | "files.completeUploadExternal";

/** One earlier version of a message the app updated. */
export interface SlackMessageVersion {
  text: string;
  blocks: readonly SlackBlock[];
  at: number;
}

/** A message as `chat.postMessage` / `chat.update` return it (and a Slack client would receive it). */
export interface SlackMessageObject {
  type: "message";
  text: string;
  user: string;
  bot_id: string;
  app_id: string;
  team: string;
  ts: string;
  blocks?: SlackBlock[];
  attachments?: unknown[];
  /** A file shared by the app (files.completeUploadExternal) */
  files?: SlackFileObject[];
  upload?: boolean;
  thread_ts?: string;
  metadata?: unknown;
  edited?: { user: string; ts: string };
  bot_profile: {
    id: string;
    app_id: string;
    name: string;
    team_id: string;
    deleted: boolean;
    updated: number;
  };
}

/** A message the app posted, as the conversation shows it now. */
export interface SlackMessage {
  readonly channel: string;
  readonly ts: string;
  /** The parent's ts for a thread reply */
  readonly threadTs: string | undefined;
  /** Current text (the fallback text when blocks are shown) */
  readonly text: string;
  /** Current blocks, each with its `block_id` ([] when none) */
  readonly blocks: readonly SlackBlock[];
  readonly attachments: readonly unknown[];
  /** Files the app shared with this message ([] when none) */
  readonly files: readonly SlackFileObject[];
  readonly metadata: unknown;
  readonly source: SlackMessageSource;
  /** Versions before each update, oldest first */
  readonly history: readonly SlackMessageVersion[];
  readonly deleted: boolean;
  /** Clock milliseconds */
  readonly postedAt: number;
  readonly editedAt: number | undefined;
  /** The message as the Web API returns it now */
  readonly message: SlackMessageObject;
}

/** A message only one user sees (`chat.postEphemeral`, or an ephemeral `response_url` answer). */
export interface SlackEphemeral {
  readonly channel: string;
  readonly user: string;
  /** The `message_ts` Slack answered with (ephemeral messages have no lasting ts) */
  readonly messageTs: string;
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
  readonly source: "chat.postEphemeral" | "response_url";
  readonly threadTs: string | undefined;
  readonly history: readonly SlackMessageVersion[];
  readonly deleted: boolean;
  readonly at: number;
}

/** The app's side of one conversation (channel or DM), live: reading again shows later changes. */
export interface SlackChannelView {
  readonly id: string;
  readonly kind: "channel" | "group" | "im";
  /** Every message the app posted here, in order, deleted ones flagged */
  readonly messages: readonly SlackMessage[];
  /** Every ephemeral message shown here, in order */
  readonly ephemerals: readonly SlackEphemeral[];
  /** Messages not deleted */
  visible(): SlackMessage[];
  /** The latest message not deleted */
  last(): SlackMessage | undefined;
  /** Current texts of the messages not deleted */
  texts(): string[];
  /** The message with this ts, deleted or not */
  message(ts: string): SlackMessage | undefined;
  /** Replies (not deleted) in the thread under this ts */
  thread(ts: string): SlackMessage[];
  /** Ephemeral messages (not deleted) one user saw here */
  ephemeralsFor(userId: string): SlackEphemeral[];
}

export interface NewSlackMessage {
  text: string;
  blocks: SlackBlock[];
  attachments: unknown[];
  threadTs: string | undefined;
  metadata: unknown;
  source: SlackMessageSource;
  files?: SlackFileObject[];
}

export interface SlackMessageChange {
  text: string;
  blocks: SlackBlock[];
  attachments?: unknown[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface ConversationState {
  messages: Mutable<SlackMessage>[];
  byTs: Map<string, Mutable<SlackMessage>>;
  ephemerals: Mutable<SlackEphemeral>[];
}

/** Every conversation the app wrote to. */
export class SlackConversations {
  private readonly conversations = new Map<string, ConversationState>();

  constructor(
    private readonly bot: SlackBotIdentity,
    private readonly clock: SlackTsClock,
    private readonly now: () => number,
  ) {}

  channelIds(): string[] {
    return [...this.conversations.keys()];
  }

  post(channel: string, content: NewSlackMessage): SlackMessage {
    const state = this.state(channel);
    const ts = this.clock.next();
    const at = this.now();
    const entry: Mutable<SlackMessage> = {
      channel,
      ts,
      threadTs: content.threadTs,
      text: content.text,
      blocks: content.blocks,
      attachments: content.attachments,
      files: content.files ?? [],
      metadata: content.metadata,
      source: content.source,
      history: [],
      deleted: false,
      postedAt: at,
      editedAt: undefined,
      message: this.messageObject(ts, content, undefined),
    };
    state.messages.push(entry);
    state.byTs.set(ts, entry);
    return entry;
  }

  find(channel: string, ts: string): SlackMessage | undefined {
    const entry = this.conversations.get(channel)?.byTs.get(ts);
    return entry?.deleted === false ? entry : undefined;
  }

  update(channel: string, ts: string, change: SlackMessageChange): SlackMessage {
    const entry = this.conversations.get(channel)?.byTs.get(ts);
    if (entry === undefined || entry.deleted) throw new Error(`no message ${ts} in ${channel}`);
    const at = this.now();
    entry.history = [...entry.history, { text: entry.text, blocks: entry.blocks, at }];
    entry.text = change.text;
    entry.blocks = change.blocks;
    if (change.attachments !== undefined) entry.attachments = change.attachments;
    entry.editedAt = at;
    entry.message = this.messageObject(ts, entry, this.clock.next());
    return entry;
  }

  delete(channel: string, ts: string): boolean {
    const entry = this.conversations.get(channel)?.byTs.get(ts);
    if (entry === undefined || entry.deleted) return false;
    entry.deleted = true;
    return true;
  }

  postEphemeral(
    channel: string,
    user: string,
    content: { text: string; blocks: SlackBlock[]; threadTs: string | undefined },
    source: SlackEphemeral["source"],
  ): SlackEphemeral {
    const entry: Mutable<SlackEphemeral> = {
      channel,
      user,
      messageTs: this.clock.next(),
      text: content.text,
      blocks: content.blocks,
      source,
      threadTs: content.threadTs,
      history: [],
      deleted: false,
      at: this.now(),
    };
    this.state(channel).ephemerals.push(entry);
    return entry;
  }

  /** The latest ephemeral message (not deleted) with this ts, for `response_url` replacements. */
  findEphemeral(channel: string, messageTs: string): SlackEphemeral | undefined {
    return this.conversations
      .get(channel)
      ?.ephemerals.findLast((entry) => entry.messageTs === messageTs && !entry.deleted);
  }

  updateEphemeral(entry: SlackEphemeral, change: SlackMessageChange): void {
    const mutable = entry as Mutable<SlackEphemeral>;
    mutable.history = [...entry.history, { text: entry.text, blocks: entry.blocks, at: this.now() }];
    mutable.text = change.text;
    mutable.blocks = change.blocks;
  }

  deleteEphemeral(entry: SlackEphemeral): void {
    (entry as Mutable<SlackEphemeral>).deleted = true;
  }

  view(channel: string): SlackChannelView {
    const state = () => this.conversations.get(channel);
    const visible = () => (state()?.messages ?? []).filter((message) => !message.deleted);
    return {
      id: channel,
      kind: conversationKind(channel),
      get messages() {
        return [...(state()?.messages ?? [])];
      },
      get ephemerals() {
        return [...(state()?.ephemerals ?? [])];
      },
      visible,
      last: () => visible().at(-1),
      texts: () => visible().map((message) => message.text),
      message: (ts) => state()?.byTs.get(ts),
      thread: (ts) => visible().filter((message) => message.threadTs === ts),
      ephemeralsFor: (userId) =>
        (state()?.ephemerals ?? []).filter((entry) => entry.user === userId && !entry.deleted),
    };
  }

  clear(): void {
    this.conversations.clear();
  }

  private messageObject(
    ts: string,
    content: Pick<SlackMessage, "text" | "blocks" | "attachments" | "threadTs" | "metadata"> & {
      files?: readonly SlackFileObject[];
    },
    editedTs: string | undefined,
  ): SlackMessageObject {
    const { bot } = this;
    return {
      type: "message",
      text: content.text,
      user: bot.botUserId,
      bot_id: bot.botId,
      app_id: bot.appId,
      team: bot.teamId,
      ts,
      ...(content.blocks.length > 0 ? { blocks: [...content.blocks] } : {}),
      ...(content.attachments.length > 0 ? { attachments: [...content.attachments] } : {}),
      ...(content.files !== undefined && content.files.length > 0
        ? { files: [...content.files], upload: true }
        : {}),
      ...(content.threadTs === undefined ? {} : { thread_ts: content.threadTs }),
      ...(content.metadata === undefined ? {} : { metadata: content.metadata }),
      ...(editedTs === undefined ? {} : { edited: { user: bot.botUserId, ts: editedTs } }),
      bot_profile: {
        id: bot.botId,
        app_id: bot.appId,
        name: bot.botName,
        team_id: bot.teamId,
        deleted: false,
        updated: Math.floor(this.now() / 1000),
      },
    };
  }

  private state(channel: string): ConversationState {
    let state = this.conversations.get(channel);
    if (state === undefined) {
      state = { messages: [], byTs: new Map(), ephemerals: [] };
      this.conversations.set(channel, state);
    }
    return state;
  }
}

export function conversationKind(channel: string): SlackChannelView["kind"] {
  if (channel.startsWith("D")) return "im";
  if (channel.startsWith("G")) return "group";
  return "channel";
}
