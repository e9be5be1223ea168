import type { User, UserFromGetMe } from "grammy/types";

/** The simulated bot's id when the token does not say (a real token is `<bot id>:<secret>`). */
export const DEFAULT_BOT_ID = 7_000_000_001;

/** What `getMe` answers unless told otherwise; the id comes from the token when it has one. */
export function defaultBotInfo(token?: string, overrides: Partial<UserFromGetMe> = {}): UserFromGetMe {
  const idFromToken = Number(/^(\d+):/.exec(token ?? "")?.[1]);
  return {
    id: Number.isSafeInteger(idFromToken) && idFromToken > 0 ? idFromToken : DEFAULT_BOT_ID,
    is_bot: true,
    first_name: "Kinerja",
    username: "kinerja_sim_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
    ...overrides,
  };
}

/** The bot as it appears in `message.from` (no getMe-only fields). */
export function botAsUser(info: UserFromGetMe): User {
  return { id: info.id, is_bot: true, first_name: info.first_name, username: info.username };
}
