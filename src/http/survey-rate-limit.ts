import { isIPv6 } from "node:net";

/**
 * The survey's per-address rate limit: at most `max` submissions per address in a fixed window, counted in Redis
 * under a keyed hash of the address that expires with its window (so nothing about an address outlives an hour,
 * far within SPEC's 24 h). Redis not answering lets the submission through: the day's device mark still holds.
 */
export interface SurveyRateLimit {
  /** Counts one submission from the address (already hashed); false when it is over the limit. */
  allow(addressMark: string): Promise<boolean>;
  /** Seconds a refused address should wait at most */
  readonly windowSeconds: number;
}

export interface SurveyRateRules {
  max: number;
  windowSeconds: number;
}

/** Generous for a service office's shared Wi-Fi or a carrier's shared address; a flood still stops. */
export const DEFAULT_SURVEY_RATE: SurveyRateRules = { max: 60, windowSeconds: 60 * 60 };

/** Answers one address may attribute to one staff member a day (a desk card handed to a queue is fine). */
export const STAFF_SURVEY_RATE: SurveyRateRules = { max: 5, windowSeconds: 24 * 60 * 60 };

/** What the limit needs of a Redis connection (src/redis.ts opens it). */
export interface CounterStore {
  incr(key: string): Promise<number>;
  expire(key: string, seconds: number, mode: "NX"): Promise<number>;
}

export function createSurveyRateLimit(
  redis: CounterStore,
  prefix: string,
  rules: SurveyRateRules,
  onError: (error: unknown) => void,
): SurveyRateLimit {
  return {
    windowSeconds: rules.windowSeconds,
    async allow(addressMark) {
      const key = `${prefix}:survei:rate:${addressMark}`;
      try {
        const count = await redis.incr(key);
        // Every time, not only on the first: a count left without its expiry (a crash between) gets one.
        await redis.expire(key, rules.windowSeconds, "NX");
        return count <= rules.max;
      } catch (error) {
        onError(error);
        return true;
      }
    },
  };
}

/**
 * The address a limit counts: an IPv4 address as it is, an IPv6 address by its /64 network (one device or home
 * gets a whole /64 and can change its address within it at will).
 */
export function limitedAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const headParts = head ? head.split(":") : [];
  const tailParts = tail ? tail.split(":") : [];
  const missing = 8 - headParts.length - tailParts.length;
  const groups = ip.includes("::")
    ? [...headParts, ...Array(missing).fill("0"), ...tailParts]
    : ip.split(":");
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}
