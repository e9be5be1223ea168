/**
 * Identifiers shared by the Slack Web API stand-in and the request builders, so that what the
 * stand-in answers (`auth.test`, DM channels, message `ts`) and what the builders send to the app
 * (team, app, bot, trigger ids) describe the same workspace.
 */
import { randomBytes } from "node:crypto";

/** The stand-in workspace: one team with one installed app and its bot user. */
export const slackDefaults = {
  teamId: "T0KINERJA",
  teamDomain: "kinerja",
  teamName: "Kinerja",
  appId: "A0KINERJA",
  botId: "B0KINERJA",
  botUserId: "U0KINERJABOT",
  botName: "kinerja",
  /** The deprecated verification token Slack still puts into every payload as `token` */
  verificationToken: "stand-in-verification-token",
} as const;

/** Slack user ids start with U (or W for org-wide users); the rest is upper-case letters and digits. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;
/** Public (C), private (G) and direct-message (D) conversation ids. */
const CONVERSATION_ID = /^[CGD][A-Z0-9]{2,}$/;

export function isUserId(value: string): boolean {
  return USER_ID.test(value);
}

export function isConversationId(value: string): boolean {
  return CONVERSATION_ID.test(value);
}

/**
 * The id of the app's direct-message channel with a user: stable for the user, so tests can
 * compute it without calling `conversations.open` (`U0123ABC` → `D0123ABC`).
 */
export function dmChannelId(userId: string): string {
  if (!isUserId(userId)) throw new TypeError(`not a Slack user id: ${userId}`);
  return `D${userId.slice(1)}`;
}

/**
 * Message timestamps as Slack writes them: `"<unix seconds>.<6 digits>"`, unique and increasing
 * across the workspace even when many messages arrive within one second.
 */
export class SlackTsClock {
  private lastSeconds = 0;
  private lastSequence = 0;

  constructor(private readonly now: () => number) {}

  next(): string {
    let seconds = Math.floor(this.now() / 1000);
    let sequence = 100;
    if (seconds <= this.lastSeconds) {
      seconds = this.lastSeconds;
      sequence = this.lastSequence + 100;
      if (sequence > 999_999) {
        seconds += 1;
        sequence = 100;
      }
    }
    this.lastSeconds = seconds;
    this.lastSequence = sequence;
    return formatTs(seconds, sequence);
  }
}

export function formatTs(seconds: number, micros: number): string {
  return `${seconds}.${String(micros).padStart(6, "0")}`;
}

/** Upper-case base-36 ids of Slack's shape: a prefix letter and ten characters (`V000000001A`). */
export class SlackIdSequence {
  private counter = 0;

  constructor(private readonly prefix: string) {}

  next(): string {
    this.counter += 1;
    return `${this.prefix}${this.counter.toString(36).toUpperCase().padStart(10, "0")}`;
  }

  reset(): void {
    this.counter = 0;
  }
}

/** A trigger id as Slack issues them: `"<seconds>.<team number>.<32 hex digits>"`. */
export function newTriggerId(nowMs: number = Date.now()): string {
  return `${Math.floor(nowMs / 1000)}.${teamNumber()}.${randomBytes(16).toString("hex")}`;
}

/** An Events API event id (`Ev` and ten upper-case letters or digits). */
export function newEventId(): string {
  return `Ev${randomAlphanumeric(10)}`;
}

/** A `ts`-shaped value for `action_ts`, `event_ts` and the like, with random microseconds. */
export function newActionTs(nowMs: number = Date.now()): string {
  return formatTs(Math.floor(nowMs / 1000), randomBytes(3).readUIntBE(0, 3) % 1_000_000);
}

/** Five characters like the block ids Slack assigns to blocks sent without one. */
export function generatedBlockId(seed: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  let id = "";
  for (let i = 0; i < 5; i += 1) {
    id += alphabet[hash % alphabet.length];
    hash = Math.floor(hash / alphabet.length) + Math.imul(hash, 31 + i);
    hash >>>= 0;
  }
  return id;
}

function teamNumber(): string {
  return String(10_000_000_000 + (randomBytes(4).readUInt32BE(0) % 90_000_000_000));
}

function randomAlphanumeric(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/** The id of a multi-person DM: stable for the same set of users, in any order. */
export function mpimChannelId(userIds: readonly string[]): string {
  const key = [...userIds].sort().join(",");
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619) >>> 0;
  return `G${hash.toString(36).toUpperCase().padStart(10, "0")}`;
}
