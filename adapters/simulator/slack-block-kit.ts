/**
 * The part of Block Kit validation that Slack does on `blocks` and views and that a bot is likely to
 * get wrong: array shape, block and element types, required fields, the length limits (a 25-character
 * modal title, 75-character button text, 3000-character section text…) and unique block ids. Each
 * problem is reported the way Slack words it in `response_metadata.messages`:
 * `"[ERROR] must be less than 76 characters [json-pointer:/blocks/1/elements/0/text/text]"`.
 *
 * It is deliberately not a full schema: unknown fields pass, and rarely used blocks are only checked
 * for their `type`.
 */
import type { types } from "@slack/bolt";
import { generatedBlockId } from "./slack-ids.ts";

export type SlackBlock = types.KnownBlock | types.Block;

export const MAX_MESSAGE_BLOCKS = 50;
export const MAX_VIEW_BLOCKS = 100;

const BLOCK_TYPES = new Set([
  "actions",
  "alert",
  "card",
  "carousel",
  "container",
  "context",
  "context_actions",
  "data_table",
  "divider",
  "file",
  "header",
  "image",
  "input",
  "markdown",
  "plan",
  "rich_text",
  "section",
  "table",
  "task_card",
  "video",
]);

/** Interactive elements an `actions` block may hold (inputs belong in `input` blocks). */
const ACTION_ELEMENTS = new Set([
  "button",
  "checkboxes",
  "datepicker",
  "datetimepicker",
  "timepicker",
  "overflow",
  "radio_buttons",
  "static_select",
  "external_select",
  "users_select",
  "conversations_select",
  "channels_select",
  "multi_static_select",
  "multi_external_select",
  "multi_users_select",
  "multi_conversations_select",
  "multi_channels_select",
  "workflow_button",
  "feedback_buttons",
  "icon_button",
  "rich_text_input",
]);

const INPUT_ELEMENTS = new Set([
  ...ACTION_ELEMENTS,
  "plain_text_input",
  "email_text_input",
  "url_text_input",
  "number_input",
  "file_input",
  "rich_text_input",
]);

const ACCESSORY_ELEMENTS = new Set([...ACTION_ELEMENTS, "image"]);

type Json = Record<string, unknown>;

class Problems {
  readonly messages: string[] = [];

  add(message: string, pointer: string): void {
    this.messages.push(`[ERROR] ${message} [json-pointer:${pointer}]`);
  }

  /** A string field no longer than `max` (and not empty when `min` is 1). */
  length(value: unknown, pointer: string, max: number, { required = false, min = 0 } = {}): void {
    if (value === undefined || value === null) {
      if (required) this.add(`missing required field: ${pointer.split("/").at(-1)}`, parentOf(pointer));
      return;
    }
    if (typeof value !== "string") {
      this.add("must be a string", pointer);
      return;
    }
    if (value.length > max) this.add(`must be less than ${max + 1} characters`, pointer);
    else if (value.length < min) this.add(`must be more than ${min - 1} characters`, pointer);
  }

  /** A text object: `plain_text` (or `mrkdwn` when allowed) with 1..max characters. */
  text(value: unknown, pointer: string, max: number, { plainOnly = false, required = true } = {}): void {
    if (value === undefined || value === null) {
      if (required) this.add(`missing required field: ${pointer.split("/").at(-1)}`, parentOf(pointer));
      return;
    }
    if (!isObject(value)) {
      this.add("must be a text object", pointer);
      return;
    }
    if (value.type !== "plain_text" && (plainOnly || value.type !== "mrkdwn")) {
      this.add(plainOnly ? "must be a plain_text text object" : "must be a text object", `${pointer}/type`);
      return;
    }
    this.length(value.text, `${pointer}/text`, max, { required: true, min: 1 });
  }
}

/**
 * Problems with message blocks (for `invalid_blocks`), or `"format"` when `blocks` is not a JSON
 * array at all (Slack's `invalid_blocks_format`).
 */
export function blocksProblems(
  blocks: unknown,
  max = MAX_MESSAGE_BLOCKS,
  pointer = "/blocks",
): string[] | "format" {
  if (!Array.isArray(blocks)) return "format";
  const problems = new Problems();
  checkBlocks(problems, blocks, pointer, max);
  return problems.messages;
}

/** Problems with a view for `views.open` / `views.push` / `views.update` / `views.publish`. */
export function viewProblems(view: unknown, allowed: readonly ("modal" | "home")[]): string[] {
  const problems = new Problems();
  if (!isObject(view)) {
    problems.add("failed to match all allowed schemas", "/view");
    return problems.messages;
  }
  if (typeof view.type !== "string" || !(allowed as readonly string[]).includes(view.type)) {
    problems.add(`must be one of: ${allowed.join(", ")}`, "/view/type");
    return problems.messages;
  }
  if (view.type === "modal") {
    problems.text(view.title, "/view/title", 24, { plainOnly: true });
    problems.text(view.close, "/view/close", 24, { plainOnly: true, required: false });
    problems.text(view.submit, "/view/submit", 24, { plainOnly: true, required: false });
    const hasInputs =
      Array.isArray(view.blocks) && view.blocks.some((block) => isObject(block) && block.type === "input");
    if (hasInputs && view.submit === undefined) {
      problems.add("submit is required when blocks contain input blocks", "/view/submit");
    }
  }
  if (view.blocks === undefined) problems.add("missing required field: blocks", "/view");
  else if (!Array.isArray(view.blocks)) problems.add("must be an array", "/view/blocks");
  else checkBlocks(problems, view.blocks, "/view/blocks", MAX_VIEW_BLOCKS);
  problems.length(view.callback_id, "/view/callback_id", 255);
  problems.length(view.private_metadata, "/view/private_metadata", 3000);
  problems.length(view.external_id, "/view/external_id", 255);
  return problems.messages;
}

/**
 * The blocks as Slack stores them: every block gets a `block_id` (Slack generates one for blocks
 * sent without), and apps find them there in later interaction payloads.
 */
export function withBlockIds(blocks: readonly unknown[], seed: string): SlackBlock[] {
  return blocks.map((block, index) => {
    const json = block as Json;
    return (
      typeof json.block_id === "string"
        ? { ...json }
        : { ...json, block_id: generatedBlockId(`${seed}/${index}`) }
    ) as SlackBlock;
  });
}

function checkBlocks(problems: Problems, blocks: unknown[], pointer: string, max: number): void {
  if (blocks.length > max) problems.add(`no more than ${max} items allowed`, pointer);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const at = `${pointer}/${index}`;
    if (!isObject(block)) {
      problems.add("must be an object", at);
      return;
    }
    if (typeof block.type !== "string") {
      problems.add("missing required field: type", at);
      return;
    }
    if (!BLOCK_TYPES.has(block.type)) {
      problems.add(`unsupported type: ${block.type}`, `${at}/type`);
      return;
    }
    if (block.block_id !== undefined) {
      problems.length(block.block_id, `${at}/block_id`, 255, { min: 1 });
      if (typeof block.block_id === "string") {
        if (blockIds.has(block.block_id)) problems.add("block_id must be unique", `${at}/block_id`);
        blockIds.add(block.block_id);
      }
    }
    checkBlock(problems, block, at);
  });
}

function checkBlock(problems: Problems, block: Json, at: string): void {
  switch (block.type) {
    case "section": {
      if (block.text === undefined && block.fields === undefined) {
        problems.add("must provide either text or fields", at);
      }
      problems.text(block.text, `${at}/text`, 3000, { required: false });
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) problems.add("must be an array", `${at}/fields`);
        else {
          if (block.fields.length > 10) problems.add("no more than 10 items allowed", `${at}/fields`);
          block.fields.forEach((field, index) => {
            problems.text(field, `${at}/fields/${index}`, 2000);
          });
        }
      }
      if (block.accessory !== undefined)
        checkElement(problems, block.accessory, `${at}/accessory`, ACCESSORY_ELEMENTS);
      return;
    }
    case "header":
      problems.text(block.text, `${at}/text`, 150, { plainOnly: true });
      return;
    case "actions": {
      if (!Array.isArray(block.elements)) {
        problems.add("missing required field: elements", at);
        return;
      }
      if (block.elements.length === 0) problems.add("must provide at least 1 item", `${at}/elements`);
      if (block.elements.length > 25) problems.add("no more than 25 items allowed", `${at}/elements`);
      const actionIds = new Set<string>();
      block.elements.forEach((element, index) => {
        const elementAt = `${at}/elements/${index}`;
        checkElement(problems, element, elementAt, ACTION_ELEMENTS);
        if (isObject(element) && typeof element.action_id === "string") {
          if (actionIds.has(element.action_id))
            problems.add("action_id must be unique", `${elementAt}/action_id`);
          actionIds.add(element.action_id);
        }
      });
      return;
    }
    case "context": {
      if (!Array.isArray(block.elements)) {
        problems.add("missing required field: elements", at);
        return;
      }
      if (block.elements.length === 0) problems.add("must provide at least 1 item", `${at}/elements`);
      if (block.elements.length > 10) problems.add("no more than 10 items allowed", `${at}/elements`);
      block.elements.forEach((element, index) => {
        if (isObject(element) && element.type === "image") return;
        problems.text(element, `${at}/elements/${index}`, 3000);
      });
      return;
    }
    case "input":
      problems.text(block.label, `${at}/label`, 2000, { plainOnly: true });
      problems.text(block.hint, `${at}/hint`, 2000, { plainOnly: true, required: false });
      if (block.element === undefined) problems.add("missing required field: element", at);
      else checkElement(problems, block.element, `${at}/element`, INPUT_ELEMENTS);
      return;
    case "image":
      problems.length(block.alt_text, `${at}/alt_text`, 2000, { required: true, min: 1 });
      if (block.image_url === undefined && block.slack_file === undefined) {
        problems.add("must provide either image_url or slack_file", at);
      }
      return;
    case "markdown":
      problems.length(block.text, `${at}/text`, 12_000, { required: true, min: 1 });
      return;
    default:
      return;
  }
}

function checkElement(problems: Problems, element: unknown, at: string, allowed: ReadonlySet<string>): void {
  if (!isObject(element)) {
    problems.add("must be an object", at);
    return;
  }
  if (typeof element.type !== "string") {
    problems.add("missing required field: type", at);
    return;
  }
  if (!allowed.has(element.type)) {
    problems.add(`unsupported type: ${element.type}`, `${at}/type`);
    return;
  }
  problems.length(element.action_id, `${at}/action_id`, 255, { min: 1 });
  switch (element.type) {
    case "button":
      problems.text(element.text, `${at}/text`, 75, { plainOnly: true });
      problems.length(element.value, `${at}/value`, 2000);
      problems.length(element.url, `${at}/url`, 3000);
      if (element.style !== undefined && element.style !== "primary" && element.style !== "danger") {
        problems.add("must be one of: primary, danger", `${at}/style`);
      }
      return;
    case "static_select":
    case "multi_static_select":
    case "overflow":
    case "radio_buttons":
    case "checkboxes": {
      if (element.options === undefined) {
        if (element.option_groups === undefined) problems.add("missing required field: options", at);
        return;
      }
      if (!Array.isArray(element.options)) {
        problems.add("must be an array", `${at}/options`);
        return;
      }
      const isSelect = element.type.endsWith("select");
      const max = element.type === "overflow" ? 5 : isSelect ? 100 : 10;
      if (element.options.length > max) problems.add(`no more than ${max} items allowed`, `${at}/options`);
      element.options.forEach((option, index) => {
        const optionAt = `${at}/options/${index}`;
        if (!isObject(option)) {
          problems.add("must be an object", optionAt);
          return;
        }
        problems.text(option.text, `${optionAt}/text`, 75, { plainOnly: isSelect });
        problems.length(option.value, `${optionAt}/value`, 150, { required: true });
      });
      return;
    }
    case "plain_text_input":
      problems.text(element.placeholder, `${at}/placeholder`, 150, { plainOnly: true, required: false });
      problems.length(element.initial_value, `${at}/initial_value`, 3000);
      if (typeof element.max_length === "number" && element.max_length > 3000) {
        problems.add("must be less than or equal to 3000", `${at}/max_length`);
      }
      return;
    default:
      return;
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/")) || "/";
}
