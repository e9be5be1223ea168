/**
 * What may stay of an error in the log (SPEC section 16): its kind, code, method and status, and its message
 * with tokens, URLs, e-mail addresses and NIPs taken out. Platform errors carry what was sent (a GrammyError's
 * `payload` holds the message text with names and signed links; a Slack error's `data` the request and
 * response; an HttpError wraps a fetch error whose URL holds the bot token): none of that is kept.
 */
const SCRUBS: readonly [RegExp, string][] = [
  // Not file:// (stack frames)
  [/\b(?:https?|wss?|postgres(?:ql)?|rediss?|amqps?):\/\/[^\s"'<>]+/gi, "[url]"],
  [/\bbot\d+:[\w-]+/g, "bot[token]"],
  [/\b\d{5,}:[\w-]{20,}/g, "[token]"],
  [/\bx(?:ox[a-z]|app)-[\w-]+/gi, "[token]"],
  [/\bsig=[\w-]+/g, "sig=[redacted]"],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "[email]"],
  [/\b\d{18}\b/g, "[nip]"],
];

export function scrubText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SCRUBS) result = result.replace(pattern, replacement);
  return result.length > 2_000 ? `${result.slice(0, 2_000)}…` : result;
}

const shortWord = (value: unknown): string | undefined =>
  typeof value === "string" && /^[\w.:/-]{1,80}$/.test(value) ? scrubText(value) : undefined;
const statusNumber = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) ? value : undefined;

export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  method?: string;
  status?: number;
  /** Telegram's error_code */
  errorCode?: number;
  /** Slack's `error` field (`channel_not_found`, `ratelimited`, ...) */
  platformError?: string;
  stack?: string;
  cause?: LoggedError;
}

/** The pino `err` serializer: a plain object with only the fields above, whatever the error carried. */
export function serializeError(value: unknown, depth = 0): LoggedError {
  if (!(value instanceof Error)) {
    // A thrown object or string of unknown shape: its content could be anything, so only a string is kept.
    return { type: typeof value, message: typeof value === "string" ? scrubText(value) : "" };
  }
  const fields = value as Error & Record<string, unknown>;
  const result: LoggedError = { type: shortWord(value.name) ?? "Error", message: scrubText(value.message) };
  const code = typeof fields.code === "number" ? fields.code : shortWord(fields.code);
  if (code !== undefined) result.code = code;
  const method = shortWord(fields.method);
  if (method !== undefined) result.method = method;
  const status = statusNumber(fields.statusCode) ?? statusNumber(fields.status);
  if (status !== undefined) result.status = status;
  const errorCode = statusNumber(fields.error_code);
  if (errorCode !== undefined) result.errorCode = errorCode;
  const data = fields.data;
  const platformError =
    data && typeof data === "object" ? shortWord((data as Record<string, unknown>).error) : undefined;
  if (platformError !== undefined) result.platformError = platformError;
  if (value.stack) result.stack = scrubText(value.stack);
  // grammY's HttpError keeps the fetch error in `error`, Slack's request errors in `original`.
  const inner = fields.cause ?? fields.error ?? fields.original;
  if (inner !== undefined && depth < 3) result.cause = serializeError(inner, depth + 1);
  return result;
}
