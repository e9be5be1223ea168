import type { Choice } from "../../src/conversation/types.ts";

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
          min_length: 3,
          max_length: 500,
        },
      },
    ],
  };
}

export const REASON_CALLBACK_ID = "kinerja_reason";
export const REASON_BLOCK_ID = "reason";
export const REASON_ACTION_ID = "value";
