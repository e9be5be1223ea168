import { badRequest } from "./telegram-errors.ts";

/**
 * Telegram's `parse_mode: "HTML"` as the server reads it: only its own small set of tags, entities
 * `&lt; &gt; &amp; &quot;` and numeric ones, and a 400 "can't parse entities" for anything else.
 * The stand-in uses it so that an adapter that forgets to escape `<` fails here as it would in
 * production. It returns the plain text a user sees (formatting entities are not kept).
 */

const SUPPORTED_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "tg-emoji",
  "tg-time",
  "code",
  "pre",
  "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** The text a user sees for `text` sent with `parseMode`; throws Telegram's 400 when it cannot be parsed. */
export function visibleText(text: string, parseMode: string | undefined): string {
  if (parseMode === undefined || parseMode === "") return text;
  switch (parseMode.toLowerCase()) {
    case "html":
      return htmlToText(text);
    case "markdown":
    case "markdownv2":
      return text; // not modelled: shown as sent
    default:
      throw badRequest(`unsupported parse_mode "${parseMode}"`);
  }
}

export function htmlToText(html: string): string {
  const open: string[] = [];
  let out = "";
  let i = 0;
  const offset = (at: number) => Buffer.byteLength(html.slice(0, at));

  while (i < html.length) {
    const char = html[i];
    if (char === "&") {
      const entity = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(i, i + 12));
      const decoded = entity?.[1] === undefined ? undefined : decodeEntity(entity[1]);
      if (entity !== null && decoded !== undefined) {
        out += decoded;
        i += entity[0].length;
        continue;
      }
      out += char;
      i += 1;
      continue;
    }
    if (char !== "<") {
      out += char;
      i += 1;
      continue;
    }
    const start = i;
    if (html[i + 1] === "/") {
      const close = html.indexOf(">", i);
      if (close < 0) fail(`Unclosed end tag at byte offset ${offset(start)}`);
      const name = html
        .slice(i + 2, close)
        .trim()
        .toLowerCase();
      const expected = open.pop();
      if (expected === undefined) fail(`Unexpected end tag at byte offset ${offset(start)}`);
      if (name !== expected) {
        fail(
          `Unmatched end tag at byte offset ${offset(start)}, expected "</${expected}>", found "</${name}>"`,
        );
      }
      i = close + 1;
      continue;
    }
    const name = (/^[a-z0-9-]*/i.exec(html.slice(i + 1))?.[0] ?? "").toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${offset(start)}`);
    const close = endOfStartTag(html, i + 1 + name.length);
    if (close < 0) fail(`Unclosed start tag at byte offset ${offset(start)}`);
    const attributes = html.slice(i + 1 + name.length, close);
    if (name === "span" && !/\bclass\s*=\s*["']?tg-spoiler\b/i.test(attributes)) {
      fail(`Tag "span" must have class "tg-spoiler" at byte offset ${offset(start)}`);
    }
    open.push(name);
    i = close + 1;
  }
  const unclosed = open.pop();
  if (unclosed !== undefined) fail(`Can't find end tag corresponding to start tag "${unclosed}"`);
  return out;
}

/** Index of the `>` that ends a start tag, skipping quoted attribute values; -1 if none. */
function endOfStartTag(html: string, from: number): number {
  let quote: string | undefined;
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return j;
  }
  return -1;
}

function fail(detail: string): never {
  throw badRequest(`can't parse entities: ${detail}`);
}

function decodeEntity(body: string): string | undefined {
  if (body.startsWith("#x") || body.startsWith("#X")) return codePoint(Number.parseInt(body.slice(2), 16));
  if (body.startsWith("#")) return codePoint(Number.parseInt(body.slice(1), 10));
  return NAMED_ENTITIES[body.toLowerCase()];
}

function codePoint(value: number): string | undefined {
  return Number.isInteger(value) && value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : undefined;
}
