/**
 * The Web API methods the stand-in implements, each validating what Slack validates and answering
 * Slack's fields (the server adds `ok: true`). Methods not listed here answer `{ ok: true }`.
 */
import { blocksProblems, type SlackBlock, viewProblems, withBlockIds } from "./slack-block-kit.ts";
import type { SlackBotIdentity, SlackConversations, SlackMessage } from "./slack-conversations.ts";
import { invalidArguments, SlackApiError } from "./slack-failures.ts";
import type { SlackFileStore } from "./slack-files.ts";
import { dmChannelId, isConversationId, isUserId, mpimChannelId } from "./slack-ids.ts";
import { flag, stringArgument } from "./slack-payload.ts";
import { type SlackUploads, uploadMethods } from "./slack-uploads.ts";
import type { SlackDirectory, SlackUserSeed } from "./slack-users.ts";
import type { SlackViewStore } from "./slack-views.ts";

/** The workspace as the methods see it. */
export interface SlackWorkspace {
  bot: SlackBotIdentity & { teamName: string; teamDomain: string };
  directory: SlackDirectory;
  conversations: SlackConversations;
  views: SlackViewStore;
  /** Files users shared (`files.info`) */
  files: SlackFileStore;
  /** The app's uploads under way (files.getUploadURLExternal … files.completeUploadExternal) */
  uploads: SlackUploads;
  /** DM channels opened with `conversations.open` (for `already_open`) */
  openedDms: Set<string>;
  now: () => number;
}

export interface SlackMethodRequest {
  payload: Record<string, unknown>;
  workspace: SlackWorkspace;
}

/** Returns the answer's fields besides `ok`, or throws a `SlackApiError`. */
export type SlackMethodHandler = (request: SlackMethodRequest) => Record<string, unknown>;

/** Slack truncates longer texts; it refuses with `msg_too_long` well above that. */
const MAX_TEXT = 40_000;

/** Makes the block ids generated for different messages differ, as Slack's random ones do. */
let blockIdSeed = 0;

export const slackMethods: Record<string, SlackMethodHandler> = {
  "auth.test": ({ workspace: { bot } }) => ({
    url: `https://${bot.teamDomain}.slack.com/`,
    team: bot.teamName,
    user: bot.botName,
    team_id: bot.teamId,
    user_id: bot.botUserId,
    bot_id: bot.botId,
    app_id: bot.appId,
    is_enterprise_install: false,
  }),

  "chat.postMessage": ({ payload, workspace }) => {
    const channel = postingChannel(workspace, stringArgument(payload, "channel"));
    const content = messageContent(payload, undefined);
    const message = workspace.conversations.post(channel, {
      ...content,
      threadTs: stringArgument(payload, "thread_ts"),
      metadata: payload.metadata,
      source: "chat.postMessage",
    });
    return { channel, ts: message.ts, message: message.message };
  },

  "chat.update": ({ payload, workspace }) => {
    const { channel, message } = existingMessage(workspace, payload);
    const content = messageContent(payload, message);
    const updated = workspace.conversations.update(channel, message.ts, content);
    const { ts: _ts, type: _type, ...shown } = updated.message;
    return { channel, ts: updated.ts, text: updated.text, message: shown };
  },

  "chat.delete": ({ payload, workspace }) => {
    const { channel, message } = existingMessage(workspace, payload);
    workspace.conversations.delete(channel, message.ts);
    return { channel, ts: message.ts };
  },

  "chat.postEphemeral": ({ payload, workspace }) => {
    const channel = postingChannel(workspace, stringArgument(payload, "channel"));
    const user = stringArgument(payload, "user");
    if (user === undefined || !workspace.directory.has(user)) throw new SlackApiError("user_not_in_channel");
    if (channel.startsWith("D") && dmChannelId(user) !== channel)
      throw new SlackApiError("user_not_in_channel");
    const content = messageContent(payload, undefined);
    const ephemeral = workspace.conversations.postEphemeral(
      channel,
      user,
      { text: content.text, blocks: content.blocks, threadTs: stringArgument(payload, "thread_ts") },
      "chat.postEphemeral",
    );
    return { message_ts: ephemeral.messageTs };
  },

  "chat.getPermalink": ({ payload, workspace }) => {
    const { channel, message } = existingMessage(workspace, payload, "message_ts");
    return {
      channel,
      permalink: `https://${workspace.bot.teamDomain}.slack.com/archives/${channel}/p${message.ts.replace(".", "")}`,
    };
  },

  "conversations.open": ({ payload, workspace }) => {
    const users = (stringArgument(payload, "users") ?? "")
      .split(",")
      .map((user) => user.trim())
      .filter((user) => user.length > 0);
    const channelArgument = stringArgument(payload, "channel");
    let channel: string;
    let user: string | undefined;
    if (users.length === 0) {
      if (channelArgument === undefined) throw new SlackApiError("users_list_not_supplied");
      user = userOfDm(workspace, channelArgument);
      if (user === undefined) throw new SlackApiError("channel_not_found");
      channel = channelArgument;
    } else {
      if (users.length > 8) throw new SlackApiError("too_many_users");
      for (const id of users) {
        const seed = workspace.directory.get(id);
        if (seed === undefined) throw new SlackApiError("user_not_found");
        if (seed.deleted === true) throw new SlackApiError("user_disabled");
      }
      user = users.length === 1 ? users[0] : undefined;
      channel = user !== undefined ? dmChannelId(user) : mpimChannelId(users);
    }
    const alreadyOpen = workspace.openedDms.has(channel);
    workspace.openedDms.add(channel);
    const full = flag(payload.return_im);
    return {
      ...(alreadyOpen ? { no_op: true, already_open: true } : {}),
      channel: full
        ? {
            id: channel,
            created: Math.floor(workspace.now() / 1000),
            is_im: user !== undefined,
            is_org_shared: false,
            ...(user === undefined ? {} : { user }),
            last_read: "0000000000.000000",
            latest: null,
            unread_count: 0,
            unread_count_display: 0,
            is_open: true,
            priority: 0,
          }
        : { id: channel },
    };
  },

  "views.open": ({ payload, workspace }) => {
    const triggerId = requireTrigger(payload);
    const view = requireView(payload, ["modal"]);
    workspace.views.exchangeTrigger(triggerId);
    return { view: workspace.views.open(view, { source: "views.open", triggerId }).view };
  },

  "views.push": ({ payload, workspace }) => {
    const triggerId = requireTrigger(payload);
    const view = requireView(payload, ["modal"]);
    workspace.views.exchangeTrigger(triggerId);
    const parent = workspace.views.view().opened.at(-1);
    if (parent === undefined) throw new SlackApiError("not_found");
    return { view: workspace.views.open(view, { source: "views.push", triggerId, parent }).view };
  },

  "views.update": ({ payload, workspace }) => {
    const viewId = stringArgument(payload, "view_id");
    const externalId = stringArgument(payload, "external_id");
    if (viewId === undefined && externalId === undefined) {
      throw invalidArguments("[ERROR] either view_id or external_id is required");
    }
    const view = requireView(payload, ["modal", "home"]);
    const record = workspace.views.find(viewId, externalId);
    return { view: workspace.views.update(record, view, stringArgument(payload, "hash")).view };
  },

  "views.publish": ({ payload, workspace }) => {
    const userId = stringArgument(payload, "user_id");
    if (userId === undefined || !workspace.directory.has(userId)) throw invalidArguments("invalid `user_id`");
    const view = requireView(payload, ["home"]);
    return { view: workspace.views.publish(userId, view, stringArgument(payload, "hash")).view };
  },

  ...uploadMethods,

  "files.info": ({ payload, workspace }) => ({
    file: workspace.files.info(stringArgument(payload, "file")),
    comments: [],
    response_metadata: { next_cursor: "" },
  }),

  "users.info": ({ payload, workspace }) => {
    const user = findUser(workspace, stringArgument(payload, "user"));
    return {
      user: {
        ...workspace.directory.toObject(user.seed, user.botId),
        ...(flag(payload.include_locale) ? { locale: "id-ID" } : {}),
      },
    };
  },

  "users.lookupByEmail": ({ payload, workspace }) => {
    const email = stringArgument(payload, "email");
    const seed = email === undefined ? undefined : workspace.directory.byEmail(email);
    if (seed === undefined) throw new SlackApiError("users_not_found");
    return { user: workspace.directory.toObject(seed) };
  },

  "users.profile.get": ({ payload, workspace }) => {
    const user = findUser(workspace, stringArgument(payload, "user") ?? workspace.bot.botUserId);
    return { profile: workspace.directory.profile(user.seed, user.botId) };
  },
};

/** Where `chat.postMessage` / `chat.postEphemeral` post: a user id means the app's DM with them. */
function postingChannel(workspace: SlackWorkspace, channel: string | undefined): string {
  if (channel === undefined) throw new SlackApiError("channel_not_found");
  if (isUserId(channel)) {
    if (!workspace.directory.has(channel)) throw new SlackApiError("channel_not_found");
    return dmChannelId(channel);
  }
  return knownChannel(workspace, channel);
}

/** Channels (C…, G…) exist as soon as they are named; DMs only with a known user. */
function knownChannel(workspace: SlackWorkspace, channel: string): string {
  if (!isConversationId(channel)) throw new SlackApiError("channel_not_found");
  if (channel.startsWith("D") && userOfDm(workspace, channel) === undefined) {
    throw new SlackApiError("channel_not_found");
  }
  return channel;
}

/** The user of a DM channel id, if the directory knows them. */
export function userOfDm(workspace: SlackWorkspace, channel: string): string | undefined {
  if (!channel.startsWith("D")) return undefined;
  const rest = channel.slice(1);
  return [`U${rest}`, `W${rest}`].find((id) => workspace.directory.has(id));
}

function existingMessage(
  workspace: SlackWorkspace,
  payload: Record<string, unknown>,
  tsArgument = "ts",
): { channel: string; message: SlackMessage } {
  const channelArgument = stringArgument(payload, "channel");
  if (channelArgument === undefined) throw new SlackApiError("channel_not_found");
  const channel = knownChannel(workspace, channelArgument);
  const ts = stringArgument(payload, tsArgument);
  const message = ts === undefined ? undefined : workspace.conversations.find(channel, ts);
  if (message === undefined) throw new SlackApiError("message_not_found");
  return { channel, message };
}

/**
 * The text, blocks and attachments of a new message, or of an update (`previous`): an update keeps
 * what it does not mention, and `blocks: []` removes the blocks, as in Slack.
 */
function messageContent(
  payload: Record<string, unknown>,
  previous: SlackMessage | undefined,
): { text: string; blocks: SlackBlock[]; attachments: unknown[] } {
  const text = payload.text === undefined || payload.text === null ? undefined : String(payload.text);
  const hasBlocks = payload.blocks !== undefined && payload.blocks !== "";
  const hasAttachments = payload.attachments !== undefined && payload.attachments !== "";
  if (hasBlocks) {
    const problems = blocksProblems(payload.blocks);
    if (problems === "format") throw new SlackApiError("invalid_blocks_format");
    if (problems.length > 0) throw new SlackApiError({ error: "invalid_blocks", messages: problems });
  }
  if (hasAttachments) {
    if (!Array.isArray(payload.attachments)) throw new SlackApiError("invalid_attachments");
    if (payload.attachments.length > 100) throw new SlackApiError("too_many_attachments");
  }
  const blocks = hasBlocks ? (payload.blocks as unknown[]) : undefined;
  const attachments = hasAttachments ? (payload.attachments as unknown[]) : undefined;
  if (previous !== undefined && text === undefined && blocks === undefined && attachments === undefined) {
    throw new SlackApiError("no_text");
  }
  if (text !== undefined && text.length > MAX_TEXT) throw new SlackApiError("msg_too_long");
  blockIdSeed += 1;
  const seed = `message/${blockIdSeed}`;
  const content = {
    text: text ?? previous?.text ?? "",
    blocks: blocks === undefined ? [...(previous?.blocks ?? [])] : withBlockIds(blocks, seed),
    attachments: attachments ?? [...(previous?.attachments ?? [])],
  };
  if (content.text.trim() === "" && content.blocks.length === 0 && content.attachments.length === 0) {
    throw new SlackApiError("no_text");
  }
  return content;
}

function requireTrigger(payload: Record<string, unknown>): string {
  const triggerId = stringArgument(payload, "trigger_id") ?? stringArgument(payload, "interactivity_pointer");
  if (triggerId === undefined) throw invalidArguments("invalid `trigger_id`");
  return triggerId;
}

function requireView(
  payload: Record<string, unknown>,
  allowed: readonly ("modal" | "home")[],
): Record<string, unknown> {
  const view = payload.view;
  if (view === undefined || view === "") throw invalidArguments("[ERROR] missing required field: view");
  const problems = viewProblems(view, allowed);
  if (problems.length > 0) throw invalidArguments(...problems);
  return view as Record<string, unknown>;
}

function findUser(
  workspace: SlackWorkspace,
  userId: string | undefined,
): { seed: SlackUserSeed; botId: string | undefined } {
  const { bot } = workspace;
  if (userId === bot.botUserId) {
    return { seed: { id: bot.botUserId, name: bot.botName, isBot: true }, botId: bot.botId };
  }
  const seed = userId === undefined ? undefined : workspace.directory.get(userId);
  if (seed === undefined) throw new SlackApiError("user_not_found");
  return { seed, botId: undefined };
}
