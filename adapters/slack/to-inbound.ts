import type { AccountRef, Inbound, InboundEvent } from "../../src/conversation/types.ts";

/** `/kinerja <subcommand> <args>` words that differ from the Telegram command names. */
const SUBCOMMAND_ALIASES: Record<string, string> = { "": "bantuan", tautkan: "start", help: "bantuan" };

export function slackAccount(userId: string, teamId: string | undefined): AccountRef {
  // Posting to a user id reaches the person's DM with the bot, so the user id is the address.
  return { platform: "SLACK", externalId: userId, address: userId, ...(teamId ? { teamId } : {}) };
}

/** `/kinerja lapor`, `/kinerja tautkan KODE`, `/kinerja` (help) as a neutral command. */
export function commandToInbound(command: {
  text: string;
  user_id: string;
  team_id: string;
  trigger_id: string;
}): Inbound {
  const [word = "", ...rest] = command.text.trim().split(/\s+/);
  let name = SUBCOMMAND_ALIASES[word.toLowerCase()] ?? word.toLowerCase();
  let args = rest.join(" ");
  // `/kinerja umpan_balik @pegawai teks` gives feedback; without a mention it shows one's own feedback.
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>\s*([\s\S]*)$/.exec(args);
  if (name === "umpan_balik" && mention) {
    name = "umpan_balik_tim";
    args = `account:SLACK:${mention[1]} ${mention[2]}`.trim();
  }
  const event: InboundEvent = { kind: "command", name, args };
  return {
    account: slackAccount(command.user_id, command.team_id),
    event,
    eventKey: `slack:${command.trigger_id}`,
  };
}

export function buttonToInbound(input: {
  userId: string;
  teamId: string | undefined;
  triggerId: string;
  value: string;
  channelId: string | undefined;
  messageTs: string | undefined;
}): Inbound {
  const message =
    input.channelId && input.messageTs ? { chatId: input.channelId, messageId: input.messageTs } : undefined;
  return {
    account: slackAccount(input.userId, input.teamId),
    event: { kind: "choice", data: input.value, ...(message ? { message } : {}) },
    eventKey: `slack:${input.triggerId}`,
  };
}

/** What a reason modal carries between its opening and its submission. */
export interface ModalMetadata {
  data: string;
  chatId?: string;
  messageId?: string;
}

export function formToInbound(input: {
  userId: string;
  teamId: string | undefined;
  key: string;
  metadata: ModalMetadata;
  text: string;
}): Inbound {
  const { metadata } = input;
  const message =
    metadata.chatId && metadata.messageId
      ? { chatId: metadata.chatId, messageId: metadata.messageId }
      : undefined;
  return {
    account: slackAccount(input.userId, input.teamId),
    event: { kind: "form", data: metadata.data, text: input.text, ...(message ? { message } : {}) },
    eventKey: `slack:${input.key}`,
  };
}

export function directMessageToInbound(input: {
  userId: string;
  teamId: string | undefined;
  text: string;
  eventId: string;
}): Inbound {
  return {
    account: slackAccount(input.userId, input.teamId),
    event: { kind: "text", text: input.text },
    eventKey: `slack:${input.eventId}`,
  };
}
