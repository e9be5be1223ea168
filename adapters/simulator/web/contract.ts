/**
 * What the simulator page (`/simulator`) and its server exchange. The server side lives in
 * `simulator-routes.ts`; the page (`page/simulator.js`) is plain browser JavaScript that reads these
 * shapes. Every request body is checked with the zod schemas below before anything happens.
 */
import { z } from "zod";

/** A demo person one can act as. */
export interface SimulatorPerson {
  nip: string;
  name: string;
  position: string;
  unit: string;
  /** Has people reporting to them (acts on Slack as a supervisor) */
  supervisor: boolean;
  /** The Telegram user id the simulator uses for this person */
  telegramUserId: number;
  /** The Slack user id the simulator uses for this person */
  slackUserId: string;
  telegramLinked: boolean;
  slackLinked: boolean;
}

/** An inline keyboard button of a Telegram message. */
export interface TelegramButton {
  text: string;
  /** callback_data: pressing sends a callback query with it */
  data?: string;
  /** A URL button opens the link instead */
  url?: string;
}

/** `at` is clock milliseconds throughout. */
export type TelegramItem =
  | { from: "user"; at: number; text: string; photo: boolean }
  /** The short pop-up Telegram shows after a button press (`answerCallbackQuery` with a text) */
  | { from: "notice"; at: number; text: string }
  | {
      from: "bot";
      at: number;
      messageId: number;
      kind: "text" | "photo" | "document";
      /** The text or caption as the bot sent it; `parseMode` "HTML" means Telegram's small tag set */
      text: string;
      parseMode: string | undefined;
      buttons: TelegramButton[][];
      edited: boolean;
      /** A picture the bot sent (a chart): its bytes, served by the simulator */
      imageUrl?: string;
    };

export type SlackItem =
  | { from: "user"; at: number; text: string }
  | {
      from: "bot";
      at: number;
      channel: string;
      ts: string;
      /** Fallback text (shown when there are no blocks) */
      text: string;
      /** Block Kit blocks as the app sent them (section, actions, context, header, divider…) */
      blocks: unknown[];
      /** Only this user sees it (an ephemeral message or a slash command's answer) */
      ephemeral: boolean;
      edited: boolean;
    };

export interface SlackModal {
  viewId: string;
  title: string;
  submit: string | undefined;
  close: string | undefined;
  /** Block Kit blocks of the modal: `input` blocks hold a `plain_text_input` or `radio_buttons` element */
  blocks: unknown[];
  /** Errors the app answered to the last submission, by block id */
  errors: Record<string, string>;
}

export interface SimulatorState {
  person: SimulatorPerson;
  telegram: { items: TelegramItem[] };
  slack: {
    items: SlackItem[];
    /** The App Home view published for this user (its blocks), if any */
    home: { viewId: string; blocks: unknown[] } | null;
    /** The modal open for this user, if any */
    modal: SlackModal | null;
  };
}

const nip = z.string().regex(/^\d{18}$/, { error: "NIP harus 18 angka" });
const text = z
  .string()
  .trim()
  .min(1, { error: "Pesan kosong" })
  .max(4096, { error: "Pesan terlalu panjang" });

/** Request bodies, by endpoint (all POST, JSON). */
export const simulatorRequests = {
  /** `/simulator/api/telegram/message`: the person types a message (or a /command) to the bot */
  telegramMessage: z.object({ nip, text }),
  /** `/simulator/api/telegram/press`: the person presses an inline button of a bot message */
  telegramPress: z.object({
    nip,
    messageId: z.number().int().positive(),
    data: z.string().min(1).max(64),
  }),
  /** `/simulator/api/telegram/photo`: the person sends a sample photo (with an optional caption) */
  telegramPhoto: z.object({ nip, caption: z.string().trim().max(1024).optional() }),
  /** `/simulator/api/link-code`: HR issues a one-time link code for the person (answer: `{ code }`) */
  linkCode: z.object({ nip }),
  /** `/simulator/api/slack/command`: `/kinerja <text>` typed in the app's DM */
  slackCommand: z.object({ nip, text: z.string().trim().max(1000) }),
  /** `/simulator/api/slack/message`: a message written in the app's DM */
  slackMessage: z.object({ nip, text }),
  /** `/simulator/api/slack/click`: a button in a message (channel + ts) or in the App Home view */
  slackClick: z.object({
    nip,
    surface: z.enum(["message", "home"]),
    channel: z.string().max(64).optional(),
    ts: z.string().max(64).optional(),
    actionId: z.string().min(1).max(255),
    blockId: z.string().max(255).optional(),
  }),
  /** `/simulator/api/slack/home`: the person opens the App Home tab */
  slackHome: z.object({ nip }),
  /**
   * `/simulator/api/slack/submit`: the open modal is submitted with what was entered, by block id and
   * action id: a text input's text, a radio group's chosen option value; null or left out = empty. The
   * server sends every input block of the view in `view.state.values`, as Slack does.
   */
  slackSubmit: z.object({
    nip,
    viewId: z.string().min(1).max(64),
    values: z.record(z.string(), z.record(z.string(), z.string().max(3000).nullable())),
  }),
  /** `/simulator/api/slack/close`: the open modal is cancelled */
  slackClose: z.object({ nip }),
} as const;

/** Every POST answers `{ ok: true, ... }`, or 400/404 with `{ ok: false, error }` (a sentence in Indonesian). */
export type SimulatorAnswer = { ok: true; code?: string } | { ok: false; error: string };
