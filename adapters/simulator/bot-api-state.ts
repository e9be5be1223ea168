import type { BotCommand, UserFromGetMe } from "grammy/types";
import type { ChatLog } from "./chat-log.ts";
import type { FileStore } from "./file-store.ts";
import type { UploadedFile } from "./request-payload.ts";
import type { UpdateQueue } from "./update-queue.ts";

/** What `setWebhook` stored. The stand-in does not push updates to it. */
export interface WebhookSettings {
  url: string;
  secretToken: string | undefined;
  maxConnections: number;
  allowedUpdates: string[] | undefined;
}

/** Everything the Bot API methods read and change. */
export interface BotApiState {
  botInfo: UserFromGetMe;
  chats: ChatLog;
  files: FileStore;
  updates: UpdateQueue;
  /** Keyed by `commandsKey(scope, language_code)` */
  commands: Map<string, BotCommand[]>;
  webhook: WebhookSettings | undefined;
  /** Chat keys whose user blocked the bot */
  blockedChats: Set<string>;
}

/** One call as a method handler sees it. */
export interface MethodRequest {
  payload: Record<string, unknown>;
  uploads: readonly UploadedFile[];
  /** Aborted when the client went away (matters for long polling) */
  signal: AbortSignal;
  state: BotApiState;
}

/** Returns the call's `result`, or throws a `BotApiError`. */
export type MethodHandler = (request: MethodRequest) => unknown;
