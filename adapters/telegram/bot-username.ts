import { Api } from "grammy";

/** The bot's @username from the Bot API (`getMe`), for deep links; undefined without a token. */
export async function fetchBotUsername(
  token: string | undefined,
  apiRoot: string,
): Promise<string | undefined> {
  if (!token) return undefined;
  const me = await new Api(token, { apiRoot }).getMe();
  return me.username;
}
