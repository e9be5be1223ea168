/**
 * Failures the Telegram Bot API stand-in answers with, in Telegram's own words. A handler throws a
 * `BotApiError`; the server turns it into `{ ok: false, error_code, description, parameters? }`
 * with the same HTTP status, as Telegram does.
 */

/** A scripted or computed failure, as the Bot API reports it. */
export interface BotApiFailure {
  error_code: number;
  description: string;
  /** Seconds to wait before repeating the request (Telegram sends it with 429). */
  retry_after?: number;
  /** The group was migrated to a supergroup with this id (Telegram sends it with 400). */
  migrate_to_chat_id?: number;
}

/** The JSON body of a failed Bot API call. */
export interface BotApiErrorBody {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export class BotApiError extends Error {
  readonly failure: BotApiFailure;

  constructor(failure: BotApiFailure) {
    super(failure.description);
    this.name = "BotApiError";
    this.failure = failure;
  }

  toBody(): BotApiErrorBody {
    const { error_code, description, retry_after, migrate_to_chat_id } = this.failure;
    const parameters = {
      ...(retry_after === undefined ? {} : { retry_after }),
      ...(migrate_to_chat_id === undefined ? {} : { migrate_to_chat_id }),
    };
    return Object.keys(parameters).length === 0
      ? { ok: false, error_code, description }
      : { ok: false, error_code, description, parameters };
  }
}

/** `400 Bad Request: <detail>` */
export function badRequest(detail: string): BotApiError {
  return new BotApiError({ error_code: 400, description: `Bad Request: ${detail}` });
}

/** `429 Too Many Requests: retry after N` with `parameters.retry_after = N`. */
export function tooManyRequests(retryAfterSeconds: number): BotApiError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new BotApiError({
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    retry_after: seconds,
  });
}

/** Failures seen often enough in production to be worth scripting by name. */
export const telegramFailures = {
  botBlocked: { error_code: 403, description: "Forbidden: bot was blocked by the user" },
  userDeactivated: { error_code: 403, description: "Forbidden: user is deactivated" },
  chatNotFound: { error_code: 400, description: "Bad Request: chat not found" },
  unauthorized: { error_code: 401, description: "Unauthorized" },
  notFound: { error_code: 404, description: "Not Found" },
  internal: { error_code: 500, description: "Internal Server Error" },
} as const satisfies Record<string, BotApiFailure>;
