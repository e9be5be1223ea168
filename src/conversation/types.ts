/**
 * The platform-neutral language between adapters and the core. Adapters turn a Telegram update or a
 * Slack request into an `Inbound`, and render the returned `Reply` list in their platform's idiom.
 */
export type PlatformName = "TELEGRAM" | "SLACK";
export type LocaleCode = "id" | "en";

/** A chat account as the platform knows it. `address` is where replies and proactive messages go. */
export interface AccountRef {
  platform: PlatformName;
  /** Telegram user id; Slack user id */
  externalId: string;
  /** Telegram chat id; Slack DM channel (or the user id) */
  address: string;
  /** Slack workspace */
  teamId?: string;
  /** The platform's language hint (Telegram language_code) */
  languageCode?: string;
}

/** A message the bot sent earlier, as the platform identifies it (to edit it in place). */
export interface MessageRef {
  chatId: string;
  messageId: string;
}

export interface FileRef {
  kind: "PHOTO" | "DOCUMENT";
  fileId: string;
  fileUniqueId?: string;
  fileName?: string;
  mimeType?: string;
  sizeBytes?: number;
}

export type InboundEvent =
  | { kind: "command"; name: string; args: string }
  | { kind: "text"; text: string }
  | {
      kind: "choice";
      data: string;
      message?: MessageRef;
      /**
       * The adapter shows an `ask` this choice causes as a form (a Slack modal): only a `form` event
       * answers it, never a later text message.
       */
      asksInForm?: boolean;
    }
  | { kind: "file"; file: FileRef; caption?: string }
  /**
   * The answer to an `ask` or `form` reply given in a form (a Slack modal): its data, the text typed
   * (an `ask`) or the value of each field by id (a `form`; a field left empty is absent)
   */
  | { kind: "form"; data: string; text: string; values?: Record<string, string>; message?: MessageRef }
  /** The form of an `ask` was closed without an answer: the question it asked is withdrawn */
  | { kind: "form-closed"; data: string };

export interface Inbound {
  account: AccountRef;
  event: InboundEvent;
  /** Platform delivery id for idempotency (e.g. "telegram:update:1234"); absent = not deduplicated */
  eventKey?: string;
  /** The platform's directory, asked only for an account not linked yet (Slack profile e-mail) */
  directory?: { email(): Promise<string | undefined> };
}

/** A button. `data` comes back as a `choice` event; `url` opens a link instead. */
export type Choice = { label: string; data: string } | { label: string; url: string };

/** One field of a `form` reply. */
export type FormField =
  /** One of a few options (radio buttons) */
  | {
      kind: "choice";
      id: string;
      label: string;
      options: { label: string; value: string }[];
      initial?: string;
    }
  | {
      kind: "text";
      id: string;
      label: string;
      maxLength: number;
      minLength?: number;
      multiline?: boolean;
      /** may be left empty */
      optional?: boolean;
      initial?: string;
    }
  /** Text shown between the fields (the evidence above a rating) */
  | { kind: "info"; text: string };

/** Plain text; lines separated by "\n". Adapters escape it for their markup. */
export type Reply =
  | { kind: "message"; text: string; choices?: Choice[][] }
  /** Replace the text (and buttons) of the message whose button was pressed */
  | { kind: "edit"; message: MessageRef; text: string; choices?: Choice[][] }
  /** A short acknowledgement of a button press (Telegram callback answer, Slack ephemeral) */
  | { kind: "notice"; text: string }
  /**
   * Asks for one piece of text (a reason). Telegram shows the question and the next message answers it;
   * Slack opens a modal whose submission comes back as a `form` event with `data`.
   */
  /** A question answered in words; `title` names it where the platform asks in a form (Slack's modal). */
  | {
      kind: "ask";
      text: string;
      title: string;
      data: string;
      message?: MessageRef;
      /** bounds of the answer where the platform's form enforces them (default 3–500 characters) */
      minLength?: number;
      maxLength?: number;
    }
  /**
   * Several answers at once, where the platform has forms (a Slack modal, opened from a button whose
   * choice came with `asksInForm`); the submission comes back as a `form` event with `data` and `values`.
   * The core sends it only in answer to such a choice; elsewhere it asks step by step.
   */
  | {
      kind: "form";
      title: string;
      submit: string;
      data: string;
      fields: FormField[];
      message?: MessageRef;
    }
  /**
   * A picture (a chart) for those who would rather look than read: a Telegram photo, a file in the Slack DM.
   * `alt` is a one-line summary (caption, alt text); the full text version is always a message of its own
   * before it. Never logged or stored: the bytes live only until the adapter has sent them.
   */
  | { kind: "image"; png: Uint8Array; alt: string; fileName: string };
