import { z } from "zod";
import type { Choice, FormField } from "../../src/conversation/types.ts";

/** Slack mrkdwn needs &, < and > escaped; everything else in our texts is literal. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

const SECTION_MAX = 3000;
const BUTTON_LABEL_MAX = 75;

export interface SlackBlock {
  type: string;
  [key: string]: unknown;
}

/**
 * A neutral message as Block Kit: the text in sections (split at Slack's 3,000 characters), each row of
 * choices as an actions block. A button's `value` is the choice data the core gave it.
 */
export function messageBlocks(text: string, choices: Choice[][] = []): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  const escaped = escapeMrkdwn(text);
  for (let start = 0; start < escaped.length; start += SECTION_MAX) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: escaped.slice(start, start + SECTION_MAX) },
    });
  }
  choices.forEach((row, r) => {
    if (row.length === 0) return;
    blocks.push({
      type: "actions",
      block_id: `choices-${r}`,
      elements: row.map((choice, i) => {
        const label = { type: "plain_text", text: choice.label.slice(0, BUTTON_LABEL_MAX), emoji: true };
        const id = `choice-${r}-${i}`;
        return "url" in choice
          ? { type: "button", action_id: id, text: label, url: choice.url }
          : { type: "button", action_id: id, text: label, value: choice.data, ...buttonStyle(choice.data) };
      }),
    });
  });
  return blocks;
}

/** Approve buttons look primary, reject ones dangerous; the data says which is which. */
function buttonStyle(data: string): { style?: "primary" | "danger" } {
  if (/^v:ok:|^q:yes:/.test(data)) return { style: "primary" };
  if (/^v:no:/.test(data)) return { style: "danger" };
  return {};
}

/** The modal that asks for a reason (an `ask` reply); its submission carries `data` back. */
export function reasonModal(options: {
  title: string;
  question: string;
  submit: string;
  cancel: string;
  metadata: string;
  minLength?: number | undefined;
  maxLength?: number | undefined;
}) {
  return {
    type: "modal" as const,
    callback_id: REASON_CALLBACK_ID,
    private_metadata: options.metadata,
    title: { type: "plain_text" as const, text: options.title.slice(0, 24) },
    submit: { type: "plain_text" as const, text: options.submit.slice(0, 24) },
    close: { type: "plain_text" as const, text: options.cancel.slice(0, 24) },
    // Closing it sends view_closed, which withdraws the question (no later DM is taken as the reason).
    notify_on_close: true,
    blocks: [
      {
        type: "input",
        block_id: REASON_BLOCK_ID,
        label: { type: "plain_text", text: options.question.slice(0, 2000) },
        element: {
          type: "plain_text_input",
          action_id: REASON_ACTION_ID,
          multiline: true,
          min_length: options.minLength ?? 3,
          max_length: options.maxLength ?? 500,
        },
      },
    ],
  };
}

export const REASON_CALLBACK_ID = "kinerja_reason";
export const REASON_BLOCK_ID = "reason";
export const REASON_ACTION_ID = "value";

export const FORM_CALLBACK_ID = "kinerja_form";
/** Every input of a form modal uses this action id; its block id is the field's id. */
export const FORM_ACTION_ID = "value";
const MODAL_TEXT_MAX = 24;
const LABEL_MAX = 2000;
const MODAL_BLOCKS_MAX = 100;

/**
 * A `form` reply as a modal: info fields as sections, choices as radio buttons, texts as text inputs.
 * Its submission is read back by {@link formValues}.
 */
export function formModal(options: {
  title: string;
  submit: string;
  cancel: string;
  fields: readonly FormField[];
  metadata: string;
}) {
  const blocks: SlackBlock[] = [];
  // A modal holds 100 blocks: long info texts give way, never the inputs.
  const inputs = options.fields.filter((f) => f.kind !== "info").length;
  let infoRoom = MODAL_BLOCKS_MAX - inputs;
  for (const field of options.fields) {
    if (field.kind === "info") {
      const sections = messageBlocks(field.text).slice(0, Math.max(0, infoRoom));
      infoRoom -= sections.length;
      blocks.push(...sections);
    } else if (field.kind === "choice") {
      const options = field.options.map((o) => ({
        text: { type: "plain_text", text: o.label.slice(0, BUTTON_LABEL_MAX) },
        value: o.value,
      }));
      const initial = options.find((o) => o.value === field.initial);
      blocks.push({
        type: "input",
        block_id: field.id,
        label: { type: "plain_text", text: field.label.slice(0, LABEL_MAX) },
        element: {
          type: "radio_buttons",
          action_id: FORM_ACTION_ID,
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      });
    } else {
      blocks.push({
        type: "input",
        block_id: field.id,
        optional: field.optional === true,
        label: { type: "plain_text", text: field.label.slice(0, LABEL_MAX) },
        element: {
          type: "plain_text_input",
          action_id: FORM_ACTION_ID,
          multiline: field.multiline === true,
          max_length: field.maxLength,
          ...(field.minLength ? { min_length: field.minLength } : {}),
          ...(field.initial ? { initial_value: field.initial.slice(0, field.maxLength) } : {}),
        },
      });
    }
  }
  return {
    type: "modal" as const,
    callback_id: FORM_CALLBACK_ID,
    private_metadata: options.metadata,
    title: { type: "plain_text" as const, text: options.title.slice(0, MODAL_TEXT_MAX) },
    submit: { type: "plain_text" as const, text: options.submit.slice(0, MODAL_TEXT_MAX) },
    close: { type: "plain_text" as const, text: options.cancel.slice(0, MODAL_TEXT_MAX) },
    notify_on_close: true,
    blocks: blocks.slice(0, MODAL_BLOCKS_MAX),
  };
}

const stateValue = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
});
const viewState = z.record(z.string(), z.record(z.string(), stateValue));

/**
 * The values of a submitted form modal, by field id (Slack's `view.state.values`): a text input's value,
 * a radio group's selected option; empty inputs are left out.
 */
export function formValues(state: unknown): Record<string, string> {
  const parsed = viewState.safeParse(state);
  if (!parsed.success) return {};
  const values: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    const input = actions[FORM_ACTION_ID];
    const value = input?.selected_option?.value ?? input?.value;
    if (typeof value === "string" && value !== "") values[blockId] = value;
  }
  return values;
}
