import { LogLevel, type Logger as SlackLogger } from "@slack/bolt";
import { scrubText } from "../../src/log-scrub.ts";
import type { Logger } from "../../src/logger.ts";

/**
 * Bolt's and the WebClient's own log lines go to the product's log, where errors are scrubbed (their
 * `data` holds the request and the response), instead of the console. Arguments other than errors are
 * dropped: Bolt logs request bodies and payloads in them.
 */
export function boltLogger(logger: Logger, name = "slack"): SlackLogger {
  let level: LogLevel = LogLevel.ERROR;
  const write =
    (method: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      const err = parts.find((part) => part instanceof Error);
      const what = parts.find((part): part is string => typeof part === "string");
      // Only the first words of a text: Bolt sometimes appends the JSON it was given.
      const message = what
        ? what
            .split(/[\n{[]/)[0]
            ?.trim()
            .slice(0, 120)
        : "log";
      logger[method]({ source: name, ...(err ? { err } : {}) }, scrubText(message || "log"));
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
