import { Redis } from "ioredis";

/**
 * Redis connections. Request paths (web) fail fast when Redis is away instead of queueing
 * commands; BullMQ workers need `maxRetriesPerRequest: null` and keep retrying.
 */
export function createRedis(url: string, purpose: "request" | "worker"): Redis {
  return new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: purpose === "worker",
    maxRetriesPerRequest: purpose === "worker" ? null : 1,
    connectTimeout: 5_000,
  });
}
