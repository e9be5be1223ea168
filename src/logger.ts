import { type Logger, pino } from "pino";
import { serializeError } from "./log-scrub.ts";

export type { Logger };

/**
 * Structured logs without secrets or personal data. Log ids (person id, activity id), never names,
 * NIPs, message texts or tokens; the redaction below is the safety net for mistakes, not the policy.
 */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "secret",
  "*.secret",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers['x-telegram-bot-api-secret-token']",
  "headers['x-slack-signature']",
  "req.headers.authorization",
  "req.headers['x-telegram-bot-api-secret-token']",
  "req.headers['x-slack-signature']",
  "nip",
  "*.nip",
  "email",
  "*.email",
  "text",
  "*.text",
  "databaseUrl",
  "redisUrl",
  // What platform errors and requests carry (message texts, names, signed links, request bodies)
  "payload",
  "*.payload",
  "data",
  "*.data",
  "body",
  "*.body",
  "description",
  "*.description",
  "headers",
  "*.headers",
  "fileName",
  "*.fileName",
  "displayName",
  "*.displayName",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "kinerja-bot" },
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
      // Errors are logged under `err` (or `error`); either way only their kind, code and scrubbed message stay.
      serializers: { err: serializeError, error: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
