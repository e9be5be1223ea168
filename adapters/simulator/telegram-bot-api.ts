/**
 * An in-process stand-in for the Telegram Bot API, served over HTTP on loopback. The real grammY
 * client talks to it through `new Bot(token, { client: { apiRoot: standIn.url } })` (or
 * `TELEGRAM_API_ROOT`). It records every call, keeps each chat the way a Telegram client would show
 * it, answers in Telegram's shapes and words, and can be told to fail: scripted errors, a global
 * rate limit with 429s, users who blocked the bot.
 *
 * Used by the end-to-end tests, the webhook and reminder benchmarks, and the browser simulator.
 */

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Update, UserFromGetMe } from "grammy/types";
import type { BotApiState, MethodHandler, WebhookSettings } from "./bot-api-state.ts";
import { botAsUser, defaultBotInfo } from "./bot-info.ts";
import { botMethods } from "./bot-methods.ts";
import { ChatLog, type ChatView, chatKey } from "./chat-log.ts";
import { FileStore, type RegisterFileOptions, type StoredFile } from "./file-store.ts";
import { listenForOrigin } from "./listen.ts";
import { isSendMethod, messageMethods } from "./message-methods.ts";
import { SlidingWindowLimit } from "./rate-limit.ts";
import { readPayload, type UploadedFile } from "./request-payload.ts";
import { ScriptedFailures } from "./scripted-failures.ts";
import {
  BotApiError,
  type BotApiErrorBody,
  type BotApiFailure,
  telegramFailures,
  tooManyRequests,
} from "./telegram-errors.ts";
import { UpdateQueue } from "./update-queue.ts";

export type { WebhookSettings } from "./bot-api-state.ts";
export type { ChatMessage, ChatView, MessageVersion, ReplyMarkup } from "./chat-log.ts";
export type { StoredFile } from "./file-store.ts";
export type { UploadedFile } from "./request-payload.ts";
export type { BotApiFailure } from "./telegram-errors.ts";
export { telegramFailures } from "./telegram-errors.ts";

/** What the stand-in answered: Telegram's envelope. */
export type BotApiResponse = { ok: true; result: unknown } | BotApiErrorBody;

/** One Bot API call as it arrived, with the answer it got. */
export interface RecordedCall {
  /** As spelled in the URL (Telegram treats method names case-insensitively) */
  method: string;
  token: string;
  /** Parameters from the JSON, form or multipart body and the query string */
  payload: Record<string, unknown>;
  /** Files sent in a multipart body (also found in `payload` where they were attached) */
  uploads: readonly UploadedFile[];
  /** Clock milliseconds when the call arrived */
  at: number;
  response: BotApiResponse;
  /** Set when the call came as the answer to a webhook POST (its result went nowhere) */
  viaWebhookAnswer?: true;
}

export interface TelegramBotApiStats {
  /** Every call answered, including failures */
  calls: number;
  /** Messages sent successfully by send* methods */
  sent: number;
  /** 429 answers (rate limit or scripted) */
  tooManyRequests: number;
  /** Every `ok: false` answer */
  failed: number;
}

export interface TelegramBotApiOptions {
  /** 0 (the default) picks a free port */
  port?: number;
  /** Defaults to 127.0.0.1 */
  host?: string;
  /** When given, calls with any other token get 401 Unauthorized */
  token?: string;
  /** Overrides parts of what `getMe` answers (the id defaults to the token's number) */
  botInfo?: Partial<UserFromGetMe>;
  /** Milliseconds clock for message dates, `at` and the rate limit; defaults to `Date.now` */
  now?: () => number;
  /** Keeps only the latest N calls in `calls` (for long benchmark or simulator runs); counts stay exact */
  maxRecordedCalls?: number;
}

export interface TelegramBotApiStandIn {
  /** The `apiRoot` to give grammY, e.g. `http://127.0.0.1:41234` (no trailing slash) */
  readonly url: string;
  readonly botInfo: UserFromGetMe;
  /** Every call in the order answered (a held `getUpdates` appears when it returns); the same array throughout */
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The bot's messages in a chat, live */
  chat(chatId: number | string): ChatView;
  /** Every chat the bot wrote to or heard from */
  chatIds(): string[];
  /** The next `times` calls to `method` fail like this (before any other check) */
  failNext(method: string, failure: BotApiFailure, times?: number): void;
  /** A global limit on send* calls (not sendChatAction) per sliding second; above it, 429 with `retry_after` */
  setRateLimit(perSecond: number | null, options?: { retryAfterSeconds?: number }): void;
  /** Calls about this chat answer 403 "Forbidden: bot was blocked by the user" */
  blockChat(chatId: number | string): void;
  unblockChat(chatId: number | string): void;
  /** Makes a file known to `getFile` and downloadable, as if a user had sent it */
  registerFile(
    fileId: string,
    bytes: Uint8Array | string,
    mimeType: string,
    options?: RegisterFileOptions,
  ): StoredFile;
  /** A file the stand-in keeps: one a test registered, or one the bot uploaded (`sendPhoto`'s bytes) */
  file(fileId: string): StoredFile | undefined;
  /** Queues an update for `getUpdates` (and learns the chat and message ids it carries) */
  enqueueUpdate(update: Update): void;
  /**
   * Runs the Bot API call a webhook answered with (`{"method": ..., ...}` as JSON), as Telegram does: it is
   * recorded like any call, and its result goes nowhere. A body without a method does nothing.
   */
  runWebhookAnswer(contentType: string | null, body: string): Promise<void>;
  /** What `setWebhook` stored, if anything */
  readonly webhook: WebhookSettings | undefined;
  /** True while a long-polling `getUpdates` call is held open (calls are recorded when answered) */
  readonly polling: boolean;
  /** Called after each call is answered; returns the unsubscribe function */
  onCall(listener: (call: RecordedCall) => void): () => void;
  stats(): TelegramBotApiStats;
  /** Forgets calls, chats, files, updates, commands, webhook, failures, blocks and the rate limit */
  reset(): void;
  /** Answers waiting `getUpdates` calls with [] and stops the server */
  close(): Promise<void>;
}

const METHOD_PATH = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;

const handlers = new Map<string, MethodHandler>(
  Object.entries({ ...botMethods, ...messageMethods }).map(([name, handler]) => [
    name.toLowerCase(),
    handler,
  ]),
);

export async function startTelegramBotApi(
  options: TelegramBotApiOptions = {},
): Promise<TelegramBotApiStandIn> {
  const now = options.now ?? Date.now;
  const botInfo = defaultBotInfo(options.token, options.botInfo);
  const state: BotApiState = {
    botInfo,
    chats: new ChatLog(() => botAsUser(botInfo), now),
    files: new FileStore(),
    updates: new UpdateQueue(),
    commands: new Map(),
    webhook: undefined,
    blockedChats: new Set(),
  };
  const calls: RecordedCall[] = [];
  const listeners = new Set<(call: RecordedCall) => void>();
  const scripted = new ScriptedFailures<BotApiFailure>((method) => method.toLowerCase());
  const rateLimit = new SlidingWindowLimit(now);
  const stats: TelegramBotApiStats = { calls: 0, sent: 0, tooManyRequests: 0, failed: 0 };

  async function dispatch(
    method: string,
    payload: Record<string, unknown>,
    uploads: UploadedFile[],
    signal: AbortSignal,
  ) {
    const name = method.toLowerCase();
    const failure = scripted.take(name);
    if (failure !== undefined) throw new BotApiError(failure);
    if (isSendMethod(name)) {
      const retryAfter = rateLimit.take();
      if (retryAfter !== undefined) throw tooManyRequests(retryAfter);
    }
    const handler = handlers.get(name);
    return handler === undefined ? true : await handler({ payload, uploads, signal, state });
  }

  function record(call: RecordedCall): void {
    calls.push(call);
    if (options.maxRecordedCalls !== undefined && calls.length > options.maxRecordedCalls) calls.shift();
    stats.calls += 1;
    if (call.response.ok) {
      if (isSendMethod(call.method)) stats.sent += 1;
    } else {
      stats.failed += 1;
      if (call.response.error_code === 429) stats.tooManyRequests += 1;
    }
    for (const listener of listeners) {
      try {
        listener(call);
      } catch {
        // a listener's failure is its own business
      }
    }
  }

  async function answerMethod(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    token: string,
    method: string,
  ) {
    const at = now();
    const abort = new AbortController();
    response.on("close", () => {
      if (!response.writableFinished) abort.abort();
    });
    let payload: Record<string, unknown> = {};
    let uploads: UploadedFile[] = [];
    let answer: BotApiResponse;
    try {
      ({ payload, uploads } = await readPayload(request, url.searchParams));
      if (options.token !== undefined && token !== options.token) {
        throw new BotApiError(telegramFailures.unauthorized);
      }
      answer = { ok: true, result: await dispatch(method, payload, uploads, abort.signal) };
    } catch (error) {
      answer = failureBody(error);
    }
    record({ method, token, payload, uploads, at, response: answer });
    sendJson(response, answer.ok ? 200 : answer.error_code, answer);
  }

  async function runWebhookAnswer(contentType: string | null, body: string): Promise<void> {
    if (!contentType?.startsWith("application/json") || body.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return;
    const { method, ...payload } = parsed as Record<string, unknown>;
    if (typeof method !== "string" || !/^[A-Za-z0-9_]+$/.test(method)) return;
    const at = now();
    let answer: BotApiResponse;
    try {
      answer = { ok: true, result: await dispatch(method, payload, [], new AbortController().signal) };
    } catch (error) {
      answer = failureBody(error);
    }
    record({
      method,
      token: options.token ?? "",
      payload,
      uploads: [],
      at,
      response: answer,
      viaWebhookAnswer: true,
    });
  }

  function answerFile(response: ServerResponse, token: string, filePath: string) {
    if (options.token !== undefined && token !== options.token) {
      sendJson(response, 401, new BotApiError(telegramFailures.unauthorized).toBody());
      return;
    }
    const file = state.files.atPath(filePath);
    if (file === undefined) {
      sendJson(response, 404, new BotApiError(telegramFailures.notFound).toBody());
      return;
    }
    response.writeHead(200, { "content-type": file.mimeType, "content-length": file.bytes.byteLength });
    response.end(file.bytes);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const method = METHOD_PATH.exec(url.pathname);
    if (method?.[1] !== undefined && method[2] !== undefined) {
      void answerMethod(request, response, url, safeDecode(method[1]), method[2]);
      return;
    }
    const file = FILE_PATH.exec(url.pathname);
    if (
      file?.[1] !== undefined &&
      file[2] !== undefined &&
      (request.method === "GET" || request.method === "HEAD")
    ) {
      answerFile(response, safeDecode(file[1]), safeDecode(file[2]));
      return;
    }
    request.resume();
    sendJson(response, 404, new BotApiError(telegramFailures.notFound).toBody());
  });

  const url = await listenForOrigin(server, options);

  return {
    url,
    botInfo,
    calls,
    callsTo: (method) => calls.filter((call) => call.method.toLowerCase() === method.toLowerCase()),
    chat: (chatId) => state.chats.view(requireChatKey(chatId)),
    chatIds: () => state.chats.chatIds(),
    failNext: (method, failure, times) => scripted.add(method, failure, times),
    setRateLimit: (perSecond, limitOptions = {}) =>
      rateLimit.configure(perSecond, limitOptions.retryAfterSeconds),
    blockChat: (chatId) => void state.blockedChats.add(requireChatKey(chatId)),
    unblockChat: (chatId) => void state.blockedChats.delete(requireChatKey(chatId)),
    registerFile: (fileId, bytes, mimeType, fileOptions) =>
      state.files.register(fileId, bytes, mimeType, fileOptions),
    file: (fileId) => state.files.get(fileId),
    enqueueUpdate(update) {
      for (const message of [update.message, update.edited_message]) {
        if (message !== undefined) state.chats.observeIncoming(message);
      }
      state.updates.enqueue(update);
    },
    runWebhookAnswer,
    get webhook() {
      return state.webhook;
    },
    get polling() {
      return state.updates.waiting;
    },
    onCall(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stats: () => ({ ...stats }),
    reset() {
      calls.length = 0;
      scripted.clear();
      rateLimit.configure(null);
      state.chats.clear();
      state.files.clear();
      state.updates.reset();
      state.commands.clear();
      state.webhook = undefined;
      state.blockedChats.clear();
      Object.assign(stats, { calls: 0, sent: 0, tooManyRequests: 0, failed: 0 });
    },
    async close() {
      state.updates.close();
      // Let answered long polls reach their sockets before the connections go.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function failureBody(error: unknown): BotApiResponse {
  return error instanceof BotApiError
    ? error.toBody()
    : { ok: false, error_code: 500, description: `Internal Server Error: ${(error as Error).message}` };
}

function requireChatKey(chatId: number | string): string {
  const key = chatKey(chatId);
  if (key === undefined) throw new TypeError(`not a Telegram chat id: ${String(chatId)}`);
  return key;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed || response.writableEnded) return;
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
  });
  response.end(json);
}
