/**
 * What Slack sends to an app, built and signed the way Slack does it, for tests and the browser
 * simulator: slash commands (a signed form), interactivity payloads (a signed form whose `payload`
 * field is JSON) and Events API callbacks (signed JSON).
 *
 * Payload builders return Bolt's own types, so the shapes are checked against what Bolt listeners
 * read; the `*Request` functions encode and sign them into something `fetch(url, request)` sends.
 *
 * Text goes out as Slack's clients send it (`asSlackSends`): `&`, `<` and `>` escaped, typed URLs as
 * `<url>`; mentions and labelled links are given in Slack's markup and pass through.
 *
 * Bolt compares the content type *exactly* with `application/x-www-form-urlencoded` (a `; charset`
 * suffix makes it parse the body as JSON and answer 400), so these requests send exactly that.
 */
import { createHmac } from "node:crypto";
import type {
  BlockAction,
  ButtonAction,
  EnvelopedEvent,
  SlashCommand,
  types,
  ViewClosedAction,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
} from "@slack/bolt";
import type { SlackBlock } from "./slack-block-kit.ts";
import type { SlackMessage } from "./slack-conversations.ts";
import type { SlackFileObject } from "./slack-files.ts";
import { dmChannelId, newActionTs, newEventId, newTriggerId, slackDefaults } from "./slack-ids.ts";
import { asSlackSends } from "./slack-text.ts";

/** The signature headers of a request from Slack. */
export interface SlackSignatureHeaders {
  "x-slack-signature": string;
  "x-slack-request-timestamp": string;
}

/** A request as Slack sends it to the app's endpoint: `fetch(url, request)` delivers it. */
export interface SlackAppRequest {
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

export interface SlackRequestOptions {
  /** Unix seconds for `x-slack-request-timestamp` (Bolt refuses ones more than 5 minutes old); defaults to now */
  timestamp?: number;
  /** Marks an Events API redelivery (`x-slack-retry-num`, `x-slack-retry-reason`) */
  retry?: { num: number; reason: "http_timeout" | "http_error" | "connection_failed" | (string & {}) };
}

/** Who and where an interaction happens; everything but the user defaults to the stand-in workspace. */
interface Actor {
  userId: string;
  /** The user's handle; defaults to the id in lower case */
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  /** The deprecated verification token Slack still sends */
  token?: string;
}

/** `v0=` + HMAC-SHA256 (hex) of `v0:<timestamp>:<body>` with the signing secret, as Slack signs. */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): SlackSignatureHeaders {
  const seconds = String(Math.floor(timestamp));
  const signature = createHmac("sha256", signingSecret).update(`v0:${seconds}:${body}`).digest("hex");
  return { "x-slack-signature": `v0=${signature}`, "x-slack-request-timestamp": seconds };
}

// ---------------------------------------------------------------------------------------------
// Slash commands

export interface SlashCommandInput extends Actor {
  /** With the slash, e.g. `/kinerja` */
  command: string;
  /** As the user typed it (escaped here, as with `should_escape: true`) */
  text?: string;
  /** Where it was typed; defaults to the app's DM with the user */
  channelId?: string;
  channelName?: string;
  /** Where `respond()` goes, e.g. `standIn.responseUrl({ channel, userId })` */
  responseUrl: string;
  triggerId?: string;
}

export function slashCommand(input: SlashCommandInput): SlashCommand {
  const channelId = input.channelId ?? dmChannelId(input.userId);
  return {
    token: input.token ?? slackDefaults.verificationToken,
    team_id: input.teamId ?? slackDefaults.teamId,
    team_domain: input.teamDomain ?? slackDefaults.teamDomain,
    channel_id: channelId,
    channel_name: input.channelName ?? (channelId.startsWith("D") ? "directmessage" : "general"),
    user_id: input.userId,
    user_name: userName(input),
    command: input.command,
    text: asSlackSends(input.text ?? ""),
    api_app_id: input.apiAppId ?? slackDefaults.appId,
    is_enterprise_install: "false",
    response_url: input.responseUrl,
    trigger_id: input.triggerId ?? newTriggerId(),
  };
}

/** The form Slack posts for a slash command, signed. */
export function slashCommandRequest(
  signingSecret: string,
  command: SlashCommand,
  options: SlackRequestOptions = {},
): SlackAppRequest {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(command)) {
    if (value !== undefined && value !== null) fields[key] = String(value);
  }
  return signed(signingSecret, new URLSearchParams(fields).toString(), FORM, options);
}

// ---------------------------------------------------------------------------------------------
// Interactivity: block_actions and view_submission

/** The message a button was clicked in: one from the stand-in, or its ts, text and blocks. */
export type ClickedMessage = SlackMessage | { ts: string; text?: string; blocks?: readonly SlackBlock[] };

export interface BlockActionsInput extends Actor {
  /** The button: found by `actionId` in the message's or view's blocks (its block id, text and value come from there) */
  action: { actionId: string; blockId?: string; value?: string; text?: string };
  /** A button in a message: the message and its conversation (defaults to the DM with the user) */
  message?: ClickedMessage;
  channelId?: string;
  /** The message was ephemeral (a `response_url` answer) */
  isEphemeral?: boolean;
  /** A button in a modal or App Home view instead (from the stand-in's `views`) */
  view?: ViewOutput;
  /** Messages only: where `respond()` goes, e.g. `standIn.responseUrl({ channel, userId, messageTs })` */
  responseUrl?: string;
  triggerId?: string;
}

/** A `block_actions` payload for a button click. */
export function blockActions(input: BlockActionsInput): BlockAction<ButtonAction> {
  const teamId = input.teamId ?? slackDefaults.teamId;
  const blocks = input.view?.blocks ?? input.message?.blocks ?? [];
  const found = findButton(blocks, input.action.actionId, input.action.blockId);
  if (found === undefined && input.action.blockId === undefined) {
    throw new Error(
      `no button with action_id "${input.action.actionId}" in the blocks, and no blockId given`,
    );
  }
  const action: ButtonAction = {
    type: "button",
    action_id: input.action.actionId,
    block_id: input.action.blockId ?? found?.blockId ?? "",
    text: {
      type: "plain_text",
      text: input.action.text ?? found?.text ?? input.action.actionId,
      emoji: true,
    },
    action_ts: newActionTs(),
  };
  const value = input.action.value ?? found?.value;
  if (value !== undefined) action.value = value;

  const base = {
    type: "block_actions" as const,
    user: {
      id: input.userId,
      username: userName(input),
      name: userName(input),
      team_id: teamId,
    },
    api_app_id: input.apiAppId ?? slackDefaults.appId,
    token: input.token ?? slackDefaults.verificationToken,
    trigger_id: input.triggerId ?? newTriggerId(),
    team: { id: teamId, domain: input.teamDomain ?? slackDefaults.teamDomain },
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action],
  };
  if (input.view !== undefined) {
    return {
      ...base,
      container: { type: "view", view_id: input.view.id },
      view: input.view,
      response_url: input.responseUrl ?? "",
    };
  }
  if (input.message === undefined) throw new Error("blockActions needs the message or the view clicked in");
  const channelId =
    input.channelId ?? ("channel" in input.message ? input.message.channel : dmChannelId(input.userId));
  return {
    ...base,
    container: {
      type: "message",
      message_ts: input.message.ts,
      channel_id: channelId,
      is_ephemeral: input.isEphemeral ?? false,
    },
    channel: { id: channelId, name: channelId.startsWith("D") ? "directmessage" : "general" },
    message: messageOf(input.message),
    response_url: input.responseUrl ?? "",
  };
}

export interface ViewSubmissionInput extends Actor {
  /** The modal submitted: best the stand-in's `views.opened[i].view`; a partial one gets defaults */
  view: ViewOutput | (Partial<ViewOutput> & { callback_id: string });
  /**
   * What the user entered, by block id and action id. A string is a `plain_text_input` value; an
   * object is used as the state value (e.g. `{ type: "static_select", selected_option: … }`).
   */
  values?: Record<string, Record<string, string | ViewStateValue>>;
  triggerId?: string;
}

/** A `view_submission` payload. */
export function viewSubmission(input: ViewSubmissionInput): ViewSubmitAction {
  const teamId = input.teamId ?? slackDefaults.teamId;
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const [blockId, actions] of Object.entries(input.values ?? {})) {
    values[blockId] = {};
    for (const [actionId, value] of Object.entries(actions)) {
      values[blockId][actionId] = typeof value === "string" ? { type: "plain_text_input", value } : value;
    }
  }
  const given = input.view;
  const id = given.id ?? "V000000SUBMIT";
  const view: ViewOutput = {
    id,
    team_id: given.team_id ?? teamId,
    type: given.type ?? "modal",
    blocks: given.blocks ?? [],
    private_metadata: given.private_metadata ?? "",
    callback_id: given.callback_id,
    state: { values },
    hash: given.hash ?? `${Math.floor(Date.now() / 1000)}.stand-in`,
    title: given.title ?? { type: "plain_text", text: "Modal", emoji: true },
    clear_on_close: given.clear_on_close ?? false,
    notify_on_close: given.notify_on_close ?? false,
    close: given.close ?? null,
    submit: given.submit ?? { type: "plain_text", text: "Submit", emoji: true },
    previous_view_id: given.previous_view_id ?? null,
    root_view_id: given.root_view_id ?? id,
    app_id: given.app_id ?? input.apiAppId ?? slackDefaults.appId,
    external_id: given.external_id ?? "",
    app_installed_team_id: given.app_installed_team_id ?? teamId,
    bot_id: given.bot_id ?? slackDefaults.botId,
  };
  return {
    type: "view_submission",
    team: { id: teamId, domain: input.teamDomain ?? slackDefaults.teamDomain },
    user: { id: input.userId, name: userName(input), team_id: teamId },
    api_app_id: input.apiAppId ?? slackDefaults.appId,
    token: input.token ?? slackDefaults.verificationToken,
    trigger_id: input.triggerId ?? newTriggerId(),
    view,
    response_urls: [],
    is_enterprise_install: false,
  };
}

/**
 * A `view_closed` payload: the user closed a modal opened with `notify_on_close: true` (Slack sends
 * nothing for other modals). `isCleared` when the whole stack went away at once (`clear_on_close`).
 */
export function viewClosed(input: Actor & { view: ViewOutput; isCleared?: boolean }): ViewClosedAction {
  const teamId = input.teamId ?? slackDefaults.teamId;
  return {
    type: "view_closed",
    team: { id: teamId, domain: input.teamDomain ?? slackDefaults.teamDomain },
    user: { id: input.userId, name: userName(input), team_id: teamId },
    api_app_id: input.apiAppId ?? slackDefaults.appId,
    token: input.token ?? slackDefaults.verificationToken,
    view: input.view,
    is_cleared: input.isCleared ?? false,
    is_enterprise_install: false,
  };
}

/** The form Slack posts for an interaction (`payload=<JSON>`), signed. */
export function interactionRequest(
  signingSecret: string,
  payload: BlockAction | ViewSubmitAction | ViewClosedAction,
  options: SlackRequestOptions = {},
): SlackAppRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signed(signingSecret, body, FORM, options);
}

// ---------------------------------------------------------------------------------------------
// Events API

export interface EventCallbackOptions {
  teamId?: string;
  apiAppId?: string;
  /** The bot user the event is delivered for (`authorizations[0].user_id`) */
  botUserId?: string;
  eventId?: string;
  /** Unix seconds */
  eventTime?: number;
  token?: string;
}

/** The `event_callback` envelope around an event. */
export function eventCallback<Event extends { type: string }>(
  event: Event,
  options: EventCallbackOptions = {},
): EnvelopedEvent<Event> {
  const teamId = options.teamId ?? slackDefaults.teamId;
  return {
    token: options.token ?? slackDefaults.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: options.apiAppId ?? slackDefaults.appId,
    event,
    type: "event_callback",
    event_id: options.eventId ?? newEventId(),
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: options.botUserId ?? slackDefaults.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

/** The user opened the app's Home tab (or its Messages tab with `tab: "messages"`). */
export function appHomeOpened(input: {
  userId: string;
  tab?: "home" | "messages";
  /** The App Home view currently published for the user, if any */
  view?: types.View;
}): types.AppHomeOpenedEvent {
  return {
    type: "app_home_opened",
    user: input.userId,
    channel: dmChannelId(input.userId),
    tab: input.tab ?? "home",
    ...(input.view === undefined ? {} : { view: input.view }),
    event_ts: newActionTs(),
  };
}

/** A user wrote to the app in their DM (`message.im`); `text` as typed, escaped as a client sends it. */
export function directMessage(input: {
  userId: string;
  text: string;
  teamId?: string;
  threadTs?: string;
}): types.GenericMessageEvent {
  const ts = newActionTs();
  return {
    type: "message",
    subtype: undefined,
    channel: dmChannelId(input.userId),
    user: input.userId,
    text: asSlackSends(input.text),
    ts,
    event_ts: ts,
    team: input.teamId ?? slackDefaults.teamId,
    channel_type: "im",
    ...(input.threadTs === undefined ? {} : { thread_ts: input.threadTs }),
  };
}

/**
 * A user shared files in their DM with the app (`message.im`, subtype `file_share`), e.g. the object
 * `standIn.uploadFile(...)` returned; `text` is the message typed with them. Like Slack, no `team`.
 */
export function fileShareMessage(input: {
  userId: string;
  files: readonly SlackFileObject[];
  text?: string;
}): types.FileShareMessageEvent {
  const ts = newActionTs();
  return {
    type: "message",
    subtype: "file_share",
    text: asSlackSends(input.text ?? ""),
    files: [...input.files],
    upload: true,
    user: input.userId,
    display_as_bot: false,
    ts,
    event_ts: ts,
    channel: dmChannelId(input.userId),
    channel_type: "im",
  };
}

/** What Slack sends once when the Events API request URL is configured. */
export interface UrlVerification {
  type: "url_verification";
  token: string;
  challenge: string;
}

export function urlVerification(
  challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
): UrlVerification {
  return { type: "url_verification", token: slackDefaults.verificationToken, challenge };
}

/** The JSON Slack posts for an Events API callback or URL verification, signed. */
export function eventRequest(
  signingSecret: string,
  body: EnvelopedEvent<{ type: string }> | UrlVerification,
  options: SlackRequestOptions = {},
): SlackAppRequest {
  return signed(signingSecret, JSON.stringify(body), "application/json", options);
}

// ---------------------------------------------------------------------------------------------

const FORM = "application/x-www-form-urlencoded";

function signed(
  signingSecret: string,
  body: string,
  contentType: string,
  options: SlackRequestOptions,
): SlackAppRequest {
  return {
    method: "POST",
    headers: {
      "content-type": contentType,
      "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
      ...signSlackRequest(signingSecret, body, options.timestamp),
      ...(options.retry === undefined
        ? {}
        : { "x-slack-retry-num": String(options.retry.num), "x-slack-retry-reason": options.retry.reason }),
    },
    body,
  };
}

function userName(actor: Actor): string {
  return actor.userName ?? actor.userId.toLowerCase();
}

function messageOf(message: ClickedMessage): NonNullable<BlockAction["message"]> {
  if ("message" in message) return { ...message.message };
  return {
    type: "message",
    user: slackDefaults.botUserId,
    bot_id: slackDefaults.botId,
    app_id: slackDefaults.appId,
    team: slackDefaults.teamId,
    ts: message.ts,
    text: message.text ?? "",
    ...(message.blocks === undefined ? {} : { blocks: [...message.blocks] }),
  };
}

interface FoundButton {
  blockId: string;
  text: string | undefined;
  value: string | undefined;
}

/** The button with this action id in `actions` blocks and section accessories. */
function findButton(
  blocks: readonly SlackBlock[],
  actionId: string,
  blockId?: string,
): FoundButton | undefined {
  for (const block of blocks) {
    if (blockId !== undefined && block.block_id !== blockId) continue;
    const candidates: unknown[] = [];
    if ("elements" in block && Array.isArray(block.elements)) candidates.push(...block.elements);
    if ("accessory" in block) candidates.push(block.accessory);
    for (const candidate of candidates) {
      if (typeof candidate !== "object" || candidate === null) continue;
      const element = candidate as Record<string, unknown>;
      if (element.action_id !== actionId) continue;
      const text = element.text as { text?: unknown } | undefined;
      return {
        blockId: block.block_id ?? "",
        text: typeof text?.text === "string" ? text.text : undefined,
        value: typeof element.value === "string" ? element.value : undefined,
      };
    }
  }
  return undefined;
}
