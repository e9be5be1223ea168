/** The Bot API methods about the bot itself: identity, commands, webhook, updates and files. */
import type { BotCommand } from "grammy/types";
import type { MethodHandler } from "./bot-api-state.ts";
import { MAX_DOWNLOAD_BYTES, toTelegramFile } from "./file-store.ts";
import { booleanParameter, integerParameter, stringParameter } from "./parameters.ts";
import { BotApiError, badRequest } from "./telegram-errors.ts";

const getMe: MethodHandler = ({ state }) => state.botInfo;

const setMyCommands: MethodHandler = ({ payload, state }) => {
  const commands = payload.commands;
  if (!Array.isArray(commands)) throw badRequest('parameter "commands" must be an Array');
  if (commands.length > 100) throw badRequest("too many commands specified");
  const checked: BotCommand[] = commands.map((entry: unknown) => {
    const { command, description } = (entry ?? {}) as Record<string, unknown>;
    if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command))
      throw badRequest("BOT_COMMAND_INVALID");
    if (typeof description !== "string" || description.length < 1 || description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
  state.commands.set(commandsKey(payload), checked);
  return true;
};

const getMyCommands: MethodHandler = ({ payload, state }) => state.commands.get(commandsKey(payload)) ?? [];

const deleteMyCommands: MethodHandler = ({ payload, state }) => {
  state.commands.delete(commandsKey(payload));
  return true;
};

/** Commands are kept per scope and language, as Telegram keeps them. */
function commandsKey(payload: Record<string, unknown>): string {
  const scope = payload.scope ?? { type: "default" };
  if (typeof scope !== "object" || scope === null || typeof (scope as { type?: unknown }).type !== "string") {
    throw badRequest("can't parse BotCommandScope JSON object");
  }
  const sorted = Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(sorted)}|${stringParameter(payload, "language_code") ?? ""}`;
}

/**
 * Stores the webhook. Unlike Telegram, plain `http://` and any port are accepted (the bot under
 * test listens on loopback), and nothing is pushed to it.
 */
const setWebhook: MethodHandler = ({ payload, state }) => {
  const url = stringParameter(payload, "url") ?? "";
  if (booleanParameter(payload, "drop_pending_updates")) state.updates.clear();
  if (url === "") {
    state.webhook = undefined;
    return true;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest("bad webhook: invalid URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  }
  const secretToken = stringParameter(payload, "secret_token");
  if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
    throw badRequest("secret token contains unallowed characters");
  }
  const allowed = payload.allowed_updates;
  state.webhook = {
    url,
    secretToken,
    maxConnections: integerParameter(payload, "max_connections") ?? 40,
    allowedUpdates: Array.isArray(allowed) ? allowed.map(String) : undefined,
  };
  return true;
};

const deleteWebhook: MethodHandler = ({ payload, state }) => {
  if (booleanParameter(payload, "drop_pending_updates")) state.updates.clear();
  state.webhook = undefined;
  return true;
};

const getWebhookInfo: MethodHandler = ({ state }) => ({
  url: state.webhook?.url ?? "",
  has_custom_certificate: false,
  pending_update_count: state.updates.pending,
  ...(state.webhook === undefined
    ? {}
    : {
        max_connections: state.webhook.maxConnections,
        ...(state.webhook.allowedUpdates === undefined
          ? {}
          : { allowed_updates: state.webhook.allowedUpdates }),
      }),
});

const getUpdates: MethodHandler = ({ payload, state, signal }) => {
  if (state.webhook !== undefined) {
    throw new BotApiError({
      error_code: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
  }
  const allowed = payload.allowed_updates;
  const offset = integerParameter(payload, "offset");
  const limit = integerParameter(payload, "limit");
  return state.updates.poll({
    ...(offset === undefined ? {} : { offset }),
    ...(limit === undefined ? {} : { limit }),
    timeoutSeconds: Math.max(0, integerParameter(payload, "timeout") ?? 0),
    ...(Array.isArray(allowed) ? { allowedUpdates: allowed.map(String) } : {}),
    signal,
  });
};

const getFile: MethodHandler = ({ payload, state }) => {
  const fileId = stringParameter(payload, "file_id");
  if (fileId === undefined || fileId === "") throw badRequest("there is no file_id in the request");
  const file = state.files.get(fileId);
  if (file === undefined) throw badRequest("invalid file_id");
  if (file.bytes.byteLength > MAX_DOWNLOAD_BYTES) throw badRequest("file is too big");
  return toTelegramFile(file);
};

const alwaysTrue: MethodHandler = () => true;

export const botMethods: Record<string, MethodHandler> = {
  getMe,
  logOut: alwaysTrue,
  close: alwaysTrue,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  getUpdates,
  getFile,
};
