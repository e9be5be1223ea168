import { ScriptedFailures } from "./scripted-failures.ts";
/**
 * Failures the Slack Web API stand-in answers with, in Slack's own shape: HTTP 200 with
 * `{ ok: false, error }` (plus `response_metadata.messages` for argument errors), except for rate
 * limits, which Slack answers with HTTP 429, a `Retry-After` header and `{ ok: false, error: "ratelimited" }`.
 */

/** A scripted or computed failure, as the Web API reports it. */
export interface SlackFailure {
  /** Slack's error code, e.g. `channel_not_found`, `account_inactive`, `ratelimited` */
  error: string;
  /** HTTP status; defaults to 429 for `ratelimited` and 200 for everything else, as Slack does */
  status?: number;
  /** Seconds in the `Retry-After` header (429 only); defaults to 1 */
  retryAfterSeconds?: number;
  /** Details Slack adds for argument errors, e.g. `"[ERROR] missing required field: channel"` */
  messages?: string[];
  /** For `missing_scope`: the scope needed and the scopes the token has */
  needed?: string;
  provided?: string;
}

/** The JSON body of a failed call. */
export interface SlackErrorBody {
  ok: false;
  error: string;
  needed?: string;
  provided?: string;
  response_metadata?: { messages: string[] };
}

export class SlackApiError extends Error {
  readonly failure: SlackFailure;

  constructor(failure: SlackFailure | string) {
    const normalized = typeof failure === "string" ? { error: failure } : failure;
    super(normalized.error);
    this.name = "SlackApiError";
    this.failure = normalized;
  }

  get status(): number {
    return this.failure.status ?? (this.failure.error === "ratelimited" ? 429 : 200);
  }

  /** Seconds for the `Retry-After` header, when the answer is a 429. */
  get retryAfterSeconds(): number | undefined {
    if (this.status !== 429) return undefined;
    return Math.max(1, Math.ceil(this.failure.retryAfterSeconds ?? 1));
  }

  toBody(): SlackErrorBody {
    const { error, messages, needed, provided } = this.failure;
    return {
      ok: false,
      error,
      ...(needed === undefined ? {} : { needed }),
      ...(provided === undefined ? {} : { provided }),
      ...(messages === undefined || messages.length === 0 ? {} : { response_metadata: { messages } }),
    };
  }
}

/** `invalid_arguments` with Slack's explanation lines. */
export function invalidArguments(...messages: string[]): SlackApiError {
  return new SlackApiError({ error: "invalid_arguments", messages });
}

/** Failures the stand-in is told to give (method names are case-sensitive, as in Slack); a string is an error code. */
export class ScriptedSlackFailures extends ScriptedFailures<SlackFailure> {
  override add(method: string, failure: SlackFailure | string, times = 1): void {
    const normalized = typeof failure === "string" ? { error: failure } : { ...failure };
    if (normalized.error.length === 0) throw new TypeError("a Slack failure needs an error code");
    super.add(method, normalized, times);
  }
}
