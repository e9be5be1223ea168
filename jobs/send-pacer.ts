import type { Redis } from "ioredis";

/**
 * Evenly spaced sends for every worker of a queue together, kept in Redis (GCRA: one key holds the
 * instant the next send may go; each send books the next free instant and waits for it).
 *
 * Why, on top of BullMQ's limiter: the limiter counts job *starts* in fixed windows, so a window's
 * quota leaves in a burst at its start, and a platform that counts *sends* over a sliding second
 * (Telegram; the Bot API stand-in) sees two quotas inside one second at a window edge and answers
 * 429. Each 429 stops all sending for its `retry_after` (at least a second), so a burst costs far more
 * than it gains. Spacing the sends a little below the configured rate (`margin`) absorbs the
 * jitter between booking a slot and the request arriving; the worker books its slot right before the
 * request, so a slow claim never makes a send go out in a bunch with the sends after it.
 */
export interface SendPacer {
  /** Resolves when this send's slot has come, with that moment (`performance.now()`). */
  take(): Promise<number>;
  /** Nothing may be booked before `ms` from now (after a 429 with `retry_after`). */
  pause(ms: number): Promise<void>;
}

/** Books the next slot: returns the microseconds to wait for it. */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
if next < now then next = now end
redis.call('SET', KEYS[1], string.format('%.0f', next + tonumber(ARGV[1])), 'PX', 60000)
return string.format('%.0f', next - now)`;

const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local next = tonumber(redis.call('GET', KEYS[1]) or '0')
local resume = now + tonumber(ARGV[1])
if next < resume then redis.call('SET', KEYS[1], string.format('%.0f', resume), 'PX', 60000) end
return 0`;

export function createSendPacer(
  redis: Redis,
  key: string,
  ratePerSecond: number,
  options: { margin?: number } = {},
): SendPacer {
  const intervalUs = Math.round(1_000_000 / (ratePerSecond * (1 - (options.margin ?? 0.03))));
  return {
    async take() {
      const waitUs = Number(await redis.eval(TAKE, 1, key, String(intervalUs)));
      if (waitUs >= 500) await new Promise((resolve) => setTimeout(resolve, Math.round(waitUs / 1000)));
      return performance.now();
    },
    async pause(ms) {
      await redis.eval(PAUSE, 1, key, String(Math.round(ms * 1000)));
    },
  };
}
