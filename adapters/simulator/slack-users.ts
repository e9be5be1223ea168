import { isUserId } from "./slack-ids.ts";

/** A workspace member the stand-in knows (for `users.*`, DMs and `views.publish`). */
export interface SlackUserSeed {
  /** `U…` (or `W…`) */
  id: string;
  /** The handle, e.g. `budi.santoso` */
  name: string;
  /** Defaults to `name` */
  realName?: string;
  displayName?: string;
  email?: string;
  /** IANA zone; defaults to Asia/Jakarta */
  tz?: string;
  title?: string;
  /** A deactivated account: still listed by `users.info`, but `conversations.open` answers `user_disabled` */
  deleted?: boolean;
  isAdmin?: boolean;
  isBot?: boolean;
}

/** `users.profile.get` / the `profile` of `users.info`. */
export interface SlackUserProfile {
  title: string;
  phone: string;
  skype: string;
  real_name: string;
  real_name_normalized: string;
  display_name: string;
  display_name_normalized: string;
  fields: Record<string, never>;
  status_text: string;
  status_emoji: string;
  status_expiration: number;
  avatar_hash: string;
  email?: string;
  first_name: string;
  last_name: string;
  image_24: string;
  image_48: string;
  image_72: string;
  team: string;
  bot_id?: string;
}

/** A user as `users.info` and `users.lookupByEmail` return it. */
export interface SlackUserObject {
  id: string;
  team_id: string;
  name: string;
  deleted: boolean;
  color: string;
  real_name: string;
  tz: string;
  tz_label: string;
  tz_offset: number;
  profile: SlackUserProfile;
  is_admin: boolean;
  is_owner: boolean;
  is_primary_owner: boolean;
  is_restricted: boolean;
  is_ultra_restricted: boolean;
  is_bot: boolean;
  is_app_user: boolean;
  updated: number;
  is_email_confirmed: boolean;
  who_can_share_contact_card: string;
}

const DEFAULT_TZ = "Asia/Jakarta";

/** The members of the stand-in workspace. */
export class SlackDirectory {
  private readonly users = new Map<string, SlackUserSeed>();

  constructor(
    private readonly teamId: string,
    private readonly now: () => number,
  ) {}

  add(seed: SlackUserSeed): void {
    if (!isUserId(seed.id)) throw new TypeError(`not a Slack user id: ${seed.id}`);
    if (seed.name.length === 0) throw new TypeError(`user ${seed.id} needs a name`);
    if (seed.tz !== undefined) zoneOffsetSeconds(seed.tz, 0); // throws RangeError on an unknown zone
    this.users.set(seed.id, { ...seed });
  }

  get(userId: string): SlackUserSeed | undefined {
    return this.users.get(userId);
  }

  has(userId: string): boolean {
    return this.users.has(userId);
  }

  byEmail(email: string): SlackUserSeed | undefined {
    const wanted = email.trim().toLowerCase();
    for (const user of this.users.values()) {
      if (user.email?.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  ids(): string[] {
    return [...this.users.keys()];
  }

  clear(): void {
    this.users.clear();
  }

  toObject(seed: SlackUserSeed, botId?: string): SlackUserObject {
    const tz = seed.tz ?? DEFAULT_TZ;
    const at = this.now();
    return {
      id: seed.id,
      team_id: this.teamId,
      name: seed.name,
      deleted: seed.deleted ?? false,
      color: "9f69e7",
      real_name: seed.realName ?? seed.name,
      tz,
      tz_label: zoneLabel(tz, at),
      tz_offset: zoneOffsetSeconds(tz, at),
      profile: this.profile(seed, botId),
      is_admin: seed.isAdmin ?? false,
      is_owner: false,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: seed.isBot ?? false,
      is_app_user: false,
      updated: Math.floor(at / 1000),
      is_email_confirmed: seed.email !== undefined,
      who_can_share_contact_card: "EVERYONE",
    };
  }

  profile(seed: SlackUserSeed, botId?: string): SlackUserProfile {
    const realName = seed.realName ?? seed.name;
    const displayName = seed.displayName ?? "";
    const [firstName = "", ...rest] = realName.split(/\s+/);
    const avatar = `https://avatars.slack-edge.invalid/${seed.id}`;
    return {
      title: seed.title ?? "",
      phone: "",
      skype: "",
      real_name: realName,
      real_name_normalized: normalize(realName),
      display_name: displayName,
      display_name_normalized: normalize(displayName),
      fields: {},
      status_text: "",
      status_emoji: "",
      status_expiration: 0,
      avatar_hash: "g0000000000",
      ...(seed.email === undefined ? {} : { email: seed.email }),
      first_name: firstName,
      last_name: rest.join(" "),
      image_24: `${avatar}_24.png`,
      image_48: `${avatar}_48.png`,
      image_72: `${avatar}_72.png`,
      team: this.teamId,
      ...(botId === undefined ? {} : { bot_id: botId }),
    };
  }
}

/** Seconds east of UTC, as Slack's `tz_offset` (Asia/Jakarta → 25200). */
export function zoneOffsetSeconds(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  if (match === null) return 0; // "GMT" alone: UTC
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === "-" ? -seconds : seconds;
}

function zoneLabel(timeZone: string, at: number): string {
  return (
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? timeZone
  );
}

function normalize(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}
