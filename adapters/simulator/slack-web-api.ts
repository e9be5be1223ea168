/**
 * An in-process stand-in for the Slack Web API, served over HTTP on loopback. The real Bolt app and
 * WebClient talk to it through `clientOptions: { slackApiUrl: standIn.url }` (or `SLACK_API_URL`).
 * It records every call, keeps each conversation the way a Slack client would show it (messages
 * after `chat.update`, ephemeral messages, DMs), keeps the modals and App Home views, answers in
 * Slack's shapes and error codes, and can be told to fail (scripted errors, 429 rate limits with
 * `Retry-After`). It also serves `response_url`s, so `respond()` lands somewhere observable.
 *
 * Used by the end-to-end tests and the browser simulator.
 */

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { listenForOrigin } from "./listen.ts";
import { multipartBoundary, parseMultipart } from "./multipart.ts";
import { type SlackBotIdentity, type SlackChannelView, SlackConversations } from "./slack-conversations.ts";
import {
  ScriptedSlackFailures,
  SlackApiError,
  type SlackErrorBody,
  type SlackFailure,
} from "./slack-failures.ts";
import { type SlackFileObject, type SlackFileSeed, SlackFileStore } from "./slack-files.ts";
import { dmChannelId, isUserId, SlackTsClock, slackDefaults } from "./slack-ids.ts";
import { type SlackWorkspace, slackMethods } from "./slack-methods.ts";
import { readBody, readSlackPayload, type SlackPayloadEncoding } from "./slack-payload.ts";
import {
  type SlackResponsePost,
  type SlackResponseUrlContext,
  SlackResponseUrls,
} from "./slack-response-urls.ts";
import { SlackUploads } from "./slack-uploads.ts";
import { SlackDirectory, type SlackUserSeed } from "./slack-users.ts";
import { SlackViewStore, type SlackViewsView } from "./slack-views.ts";

export type {
  SlackChannelView,
  SlackEphemeral,
  SlackMessage,
  SlackMessageObject,
  SlackMessageVersion,
} from "./slack-conversations.ts";
export type { SlackErrorBody, SlackFailure } from "./slack-failures.ts";
export type { SlackFileObject, SlackFileSeed } from "./slack-files.ts";
export { slackDefaults } from "./slack-ids.ts";
export type { SlackPayloadEncoding } from "./slack-payload.ts";
export type {
  SlackResponseEffect,
  SlackResponsePost,
  SlackResponseUrlContext,
} from "./slack-response-urls.ts";
export type { SlackUserObject, SlackUserProfile, SlackUserSeed } from "./slack-users.ts";
export type { SlackViewRecord, SlackViewsView } from "./slack-views.ts";

/** What the stand-in answered. */
export type SlackApiResponse = ({ ok: true } & Record<string, unknown>) | SlackErrorBody;

/** One Web API call as it arrived, with the answer it got. */
export interface RecordedSlackCall {
  /** As in the URL, e.g. `chat.postMessage` */
  method: string;
  /** The token used (Authorization header, else the `token` argument) */
  token: string | undefined;
  /** Arguments, with `blocks`, `view`, `attachments`… decoded from their JSON strings */
  payload: Record<string, unknown>;
  encoding: SlackPayloadEncoding;
  /** Clock milliseconds when the call arrived */
  at: number;
  /** HTTP status: 200, or 429 for rate limits */
  status: number;
  response: SlackApiResponse;
}

export interface SlackWebApiOptions {
  /** 0 (the default) picks a free port */
  port?: number;
  /** Defaults to 127.0.0.1 */
  host?: string;
  /** When given, calls with any other token answer `invalid_auth` (calls without one: `not_authed`) */
  botToken?: string;
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** The bot user's handle (`auth.test`'s `user`) */
  botName?: string;
  /** The workspace members (more with `addUser`) */
  users?: SlackUserSeed[];
  /** Milliseconds clock for `ts` values and `at`; defaults to `Date.now` */
  now?: () => number;
  /** Keeps only the latest N calls in `calls` (for long simulator runs) */
  maxRecordedCalls?: number;
}

export interface SlackWebApiStandIn {
  /** The `slackApiUrl` to give the WebClient / Bolt, e.g. `http://127.0.0.1:41234/api/` */
  readonly url: string;
  /** `response_url`s are this plus an id; `responseUrl()` makes one that also shows the answers */
  readonly responseUrlBase: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  /** Every call in the order answered; the same array throughout */
  readonly calls: readonly RecordedSlackCall[];
  callsTo(method: string): RecordedSlackCall[];
  /** The app's messages in a conversation (a user id means the DM with them), live */
  channel(id: string): SlackChannelView;
  /** Conversations the app wrote to */
  channelIds(): string[];
  /** The app's DM channel with a user, as `conversations.open` answers it */
  dmChannelOf(userId: string): string;
  /** Modals opened (`views.open`, `views.push`) and App Home views published, live */
  readonly views: SlackViewsView;
  /**
   * A new `response_url`. With a context, answers posted there also show in the conversation
   * (ephemeral for the user, `in_channel`, or replacing / deleting the message clicked).
   */
  responseUrl(context?: SlackResponseUrlContext): string;
  /** POSTs to response URLs, all or for one id (or whole URL) */
  responses(idOrUrl?: string): SlackResponsePost[];
  addUser(user: SlackUserSeed): void;
  /**
   * A file a user uploads into a conversation, as Slack stores it: `files.info` knows it and its
   * `url_private_download` serves the bytes to a request with the bot token (without: a redirect to
   * the sign-in page). Returns the file object a `file_share` message carries.
   */
  uploadFile(file: SlackFileSeed): SlackFileObject;
  /** GETs of file URLs, with whether they were authorised */
  readonly downloads: readonly { fileId: string; authorised: boolean }[];
  /**
   * The next `times` calls to `method` fail like this, before any other check. `"ratelimited"`
   * answers HTTP 429 with `Retry-After` (1 second unless `retryAfterSeconds` says otherwise).
   */
  failNext(method: string, failure: string | SlackFailure, times?: number): void;
  /** Called after each Web API call is answered; returns the unsubscribe function */
  onCall(listener: (call: RecordedSlackCall) => void): () => void;
  /** Called after each response_url POST; returns the unsubscribe function */
  onResponse(listener: (post: SlackResponsePost) => void): () => void;
  /** Forgets calls, conversations, views, triggers, response URLs and failures; users stay */
  reset(): void;
  close(): Promise<void>;
}

const METHOD_PATH = /^\/api\/([A-Za-z0-9_.]+)\/?$/;
const RESPONSE_PATH = /^\/response\/([A-Za-z0-9_-]+)\/?$/;
const UPLOAD_PATH = /^\/upload\/v1\/([a-f0-9]+)\/?$/;

export async function startSlackWebApi(options: SlackWebApiOptions = {}): Promise<SlackWebApiStandIn> {
  const now = options.now ?? Date.now;
  const bot: SlackWorkspace["bot"] = {
    teamId: options.teamId ?? slackDefaults.teamId,
    teamName: options.teamName ?? slackDefaults.teamName,
    teamDomain: options.teamDomain ?? slackDefaults.teamDomain,
    appId: options.appId ?? slackDefaults.appId,
    botId: options.botId ?? slackDefaults.botId,
    botUserId: options.botUserId ?? slackDefaults.botUserId,
    botName: options.botName ?? slackDefaults.botName,
  };
  const identity: SlackBotIdentity = bot;
  const clock = new SlackTsClock(now);
  const directory = new SlackDirectory(bot.teamId, now);
  for (const user of options.users ?? []) directory.add(user);
  const conversations = new SlackConversations(identity, clock, now);
  const files = new SlackFileStore(bot, now);
  const workspace: SlackWorkspace = {
    bot,
    directory,
    conversations,
    views: new SlackViewStore(identity, now),
    files,
    uploads: new SlackUploads(files),
    openedDms: new Set(),
    now,
  };
  const responseUrls = new SlackResponseUrls(conversations, now);
  const calls: RecordedSlackCall[] = [];
  const callListeners = new Set<(call: RecordedSlackCall) => void>();
  const responseListeners = new Set<(post: SlackResponsePost) => void>();
  const scripted = new ScriptedSlackFailures();
  const downloads: { fileId: string; authorised: boolean }[] = [];

  function answerFile(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    const file = workspace.files.atPath(url.pathname);
    if (file === undefined || request.method !== "GET") return false;
    request.resume();
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1];
    const authorised =
      bearer !== undefined && (options.botToken === undefined || bearer === options.botToken);
    downloads.push({ fileId: file.object.id, authorised });
    if (!authorised) {
      // What files.slack.com does for a request without a valid token.
      response.writeHead(302, {
        location: `https://${bot.teamDomain}.slack.com/?redir=${encodeURIComponent(url.pathname)}`,
      });
      response.end();
      return true;
    }
    response.writeHead(200, {
      "content-type": file.object.mimetype,
      "content-length": file.bytes.byteLength,
      "content-disposition": `attachment; filename="${encodeURIComponent(file.object.name ?? "file")}"`,
    });
    response.end(file.bytes);
    return true;
  }

  function dispatch(method: string, payload: Record<string, unknown>, token: string | undefined) {
    const failure = scripted.take(method);
    if (failure !== undefined) throw new SlackApiError(failure);
    if (token === undefined) throw new SlackApiError("not_authed");
    if (options.botToken !== undefined && token !== options.botToken) throw new SlackApiError("invalid_auth");
    const handler = Object.hasOwn(slackMethods, method) ? slackMethods[method] : undefined;
    return handler === undefined ? {} : handler({ payload, workspace });
  }

  async function answerMethod(request: IncomingMessage, response: ServerResponse, url: URL, method: string) {
    const at = now();
    let payload: Record<string, unknown> = {};
    let encoding: SlackPayloadEncoding = "query";
    let token: string | undefined;
    let status = 200;
    let retryAfter: number | undefined;
    let answer: SlackApiResponse;
    try {
      ({ payload, encoding, token } = await readSlackPayload(request, url.searchParams));
      answer = { ok: true, ...dispatch(method, payload, token) };
    } catch (error) {
      const failure =
        error instanceof SlackApiError
          ? error
          : new SlackApiError({ error: "internal_error", messages: [`[ERROR] ${(error as Error).message}`] });
      answer = failure.toBody();
      status = failure.status;
      retryAfter = failure.retryAfterSeconds;
    }
    record({ method, token, payload, encoding, at, status, response: answer });
    sendJson(response, status, answer, retryAfter === undefined ? {} : { "retry-after": String(retryAfter) });
  }

  async function answerResponseUrl(request: IncomingMessage, response: ServerResponse, id: string) {
    let body: unknown;
    try {
      const raw = (await readBody(request)).toString("utf8");
      const contentType = (request.headers["content-type"] ?? "").toLowerCase();
      if (contentType.startsWith("application/x-www-form-urlencoded")) {
        const form = new URLSearchParams(raw);
        body = JSON.parse(form.get("payload") ?? "{}");
      } else {
        body = JSON.parse(raw);
      }
    } catch {
      body = undefined;
    }
    const { post, answer } = responseUrls.receive(id, body);
    sendJson(response, answer.status, answer.body);
    for (const listener of responseListeners) notify(listener, post);
  }

  /** The bytes of an upload URL POST: the body, or its (first file) part when multipart, as the WebClient sends. */
  async function answerUpload(request: IncomingMessage, response: ServerResponse, uploadId: string) {
    let bytes: Buffer;
    try {
      bytes = await readBody(request);
      const boundary = multipartBoundary(request.headers["content-type"] ?? "");
      if (boundary !== undefined) {
        const parts = parseMultipart(bytes, boundary);
        bytes = (parts.find((part) => part.fileName !== undefined) ?? parts[0])?.data ?? Buffer.alloc(0);
      }
    } catch {
      response.writeHead(400, { "content-type": "text/plain" }).end("Bad Request");
      return;
    }
    const answer = workspace.uploads.receive(uploadId, bytes);
    response.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body);
  }

  function record(call: RecordedSlackCall): void {
    calls.push(call);
    if (options.maxRecordedCalls !== undefined && calls.length > options.maxRecordedCalls) calls.shift();
    for (const listener of callListeners) notify(listener, call);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const method = METHOD_PATH.exec(url.pathname)?.[1];
    if (method !== undefined) {
      void answerMethod(request, response, url, method);
      return;
    }
    const responseId = RESPONSE_PATH.exec(url.pathname)?.[1];
    if (responseId !== undefined && request.method === "POST") {
      void answerResponseUrl(request, response, responseId);
      return;
    }
    const uploadId = UPLOAD_PATH.exec(url.pathname)?.[1];
    if (uploadId !== undefined && request.method === "POST") {
      void answerUpload(request, response, uploadId);
      return;
    }
    if (answerFile(request, response, url)) return;
    request.resume();
    response.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
  });

  const origin = await listenForOrigin(server, options);
  const responseUrlBase = `${origin}/response/`;
  workspace.files.origin = origin;
  workspace.uploads.origin = origin;

  return {
    url: `${origin}/api/`,
    responseUrlBase,
    teamId: bot.teamId,
    botUserId: bot.botUserId,
    botId: bot.botId,
    appId: bot.appId,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    channel: (id) => conversations.view(isUserId(id) ? dmChannelId(id) : id),
    channelIds: () => conversations.channelIds(),
    dmChannelOf: (userId) => dmChannelId(userId),
    views: workspace.views.view(),
    responseUrl: (context) => `${responseUrlBase}${responseUrls.create(context)}`,
    responses: (idOrUrl) =>
      responseUrls.list(
        idOrUrl?.startsWith(responseUrlBase) ? idOrUrl.slice(responseUrlBase.length) : idOrUrl,
      ),
    addUser: (user) => directory.add(user),
    uploadFile: (file) => workspace.files.add(file),
    downloads,
    failNext: (method, failure, times) => scripted.add(method, failure, times),
    onCall(listener) {
      callListeners.add(listener);
      return () => void callListeners.delete(listener);
    },
    onResponse(listener) {
      responseListeners.add(listener);
      return () => void responseListeners.delete(listener);
    },
    reset() {
      calls.length = 0;
      scripted.clear();
      conversations.clear();
      workspace.views.clear();
      workspace.files.clear();
      workspace.uploads.clear();
      downloads.length = 0;
      workspace.openedDms.clear();
      responseUrls.clear();
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function notify<T>(listener: (value: T) => void, value: T): void {
  try {
    listener(value);
  } catch {
    // a listener's failure is its own business
  }
}

function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (response.destroyed || response.writableEnded) return;
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
    ...headers,
  });
  response.end(json);
}
