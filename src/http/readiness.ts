import type { Redis } from "ioredis";
import type { Db } from "../db/client.ts";

/** A dependency the service needs to do its work; `/readyz` is 200 only when every check passes. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function postgresCheck(db: Db, timeoutMs = 2_000): ReadinessCheck {
  return {
    name: "postgres",
    async check() {
      await withTimeout(db.$queryRaw`SELECT 1`, timeoutMs, "PostgreSQL");
    },
  };
}

export function redisCheck(redis: Redis, timeoutMs = 2_000): ReadinessCheck {
  return {
    name: "redis",
    async check() {
      const answer = await withTimeout(redis.ping(), timeoutMs, "Redis");
      if (answer !== "PONG") throw new Error(`Redis answered ${answer}`);
    },
  };
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, "ok" | string>;
}

export async function runReadinessChecks(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      try {
        await c.check();
        return [c.name, "ok"] as const;
      } catch (error) {
        return [c.name, error instanceof Error ? error.message : String(error)] as const;
      }
    }),
  );
  return { ready: results.every(([, r]) => r === "ok"), checks: Object.fromEntries(results) };
}
