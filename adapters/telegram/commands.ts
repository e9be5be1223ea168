import type { Api } from "grammy";
import { COMMAND_NAMES } from "../../src/conversation/router.ts";
import { messagesFor } from "../../src/i18n/index.ts";

/** Registers the command menu with short descriptions in Indonesian (default) and English. */
export async function registerCommands(api: Api): Promise<void> {
  for (const [locale, languageCode] of [
    ["id", undefined],
    ["en", "en"],
  ] as const) {
    const t = messagesFor(locale);
    const commands = COMMAND_NAMES.map((command) => ({ command, description: t.commands[command] }));
    await api.setMyCommands(commands, languageCode ? { language_code: languageCode } : {});
  }
}
