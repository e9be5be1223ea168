import { z } from "zod";
import type { AccountRef, FileRef, Inbound, InboundEvent } from "../../src/conversation/types.ts";
import { leadingMention, plainFromSlack } from "./slack-text.ts";

/** `/kinerja <subcommand> <args>` words that differ from the Telegram command names. */
const SUBCOMMAND_ALIASES: Record<string, string> = {
  "": "bantuan",
  tautkan: "start",
  help: "bantuan",
  // `/kinerja penilaian [KODE]` is the rater's board (SPEC section 12); one's own results are `hasil`.
  penilaian: "penilaian_tim",
  hasil: "penilaian",
};

export function slackAccount(userId: string, teamId: string | undefined): AccountRef {
  // Posting to a user id reaches the person's DM with the bot, so the user id is the address.
  return { platform: "SLACK", externalId: userId, address: userId, ...(teamId ? { teamId } : {}) };
}

/**
 * `/kinerja lapor`, `/kinerja tautkan KODE`, `/kinerja` (help) as a neutral command. The text arrives
 * escaped, with links and mentions in Slack's markup (`should_escape: true`); the arguments are read as typed.
 */
export function commandToInbound(command: {
  text: string;
  user_id: string;
  team_id: string;
  trigger_id: string;
}): Inbound {
  const [word = "", ...rest] = command.text.trim().split(/\s+/);
  let name = SUBCOMMAND_ALIASES[word.toLowerCase()] ?? word.toLowerCase();
  const raw = rest.join(" ");
  let args = plainFromSlack(raw).trim();
  // `/kinerja umpan_balik @pegawai teks` gives feedback; without a mention it shows one's own feedback.
  const mention = leadingMention(raw);
  if (name === "umpan_balik" && mention) {
    name = "umpan_balik_tim";
    args = `account:SLACK:${mention.userId} ${plainFromSlack(mention.rest)}`.trim();
  }
  // `/kinerja apresiasi @rekan teks` thanks the person mentioned.
  if (name === "apresiasi" && mention)
    args = `account:SLACK:${mention.userId} ${plainFromSlack(mention.rest)}`.trim();
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
    // A button's `ask` opens a modal (every click carries a trigger id), so only the modal answers it.
    event: { kind: "choice", data: input.value, ...(message ? { message } : {}), asksInForm: true },
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
  /** a form modal's values by field id */
  values?: Record<string, string>;
}): Inbound {
  const { metadata } = input;
  const message =
    metadata.chatId && metadata.messageId
      ? { chatId: metadata.chatId, messageId: metadata.messageId }
      : undefined;
  return {
    account: slackAccount(input.userId, input.teamId),
    event: {
      kind: "form",
      data: metadata.data,
      text: input.text,
      ...(input.values ? { values: input.values } : {}),
      ...(message ? { message } : {}),
    },
    eventKey: `slack:${input.key}`,
  };
}

/** A reason modal closed without submitting (`view_closed`): the question it asked is withdrawn. */
export function formClosedToInbound(input: {
  userId: string;
  teamId: string | undefined;
  viewId: string;
  metadata: ModalMetadata;
}): Inbound {
  return {
    account: slackAccount(input.userId, input.teamId),
    event: { kind: "form-closed", data: input.metadata.data },
    eventKey: `slack:view-closed-${input.viewId}`,
  };
}

/** The parts of a shared file the core keeps (Slack Connect files may lack all but the id). */
export const sharedFile = z.object({
  id: z.string().min(1),
  name: z.string().nullish(),
  mimetype: z.string().nullish(),
  size: z.number().int().nonnegative().nullish(),
});
export type SharedFile = z.infer<typeof sharedFile>;

export function directMessageToInbound(input: {
  userId: string;
  teamId: string | undefined;
  text: string;
  eventId: string;
  /** A `file_share` message: the first file is the evidence, the text its caption */
  files?: readonly SharedFile[];
}): Inbound {
  const text = plainFromSlack(input.text);
  const file = input.files?.[0];
  const event: InboundEvent = file
    ? { kind: "file", file: fileRefOf(file), ...(text.trim() ? { caption: text.trim() } : {}) }
    : { kind: "text", text };
  return { account: slackAccount(input.userId, input.teamId), event, eventKey: `slack:${input.eventId}` };
}

function fileRefOf(file: SharedFile): FileRef {
  return {
    kind: file.mimetype?.startsWith("image/") ? "PHOTO" : "DOCUMENT",
    fileId: file.id,
    fileUniqueId: file.id,
    ...(file.name ? { fileName: file.name } : {}),
    ...(file.mimetype ? { mimeType: file.mimetype } : {}),
    ...(typeof file.size === "number" ? { sizeBytes: file.size } : {}),
  };
}
