import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ConversationEngine } from "../conversation/engine.ts";

export type SendOutcome = "sent" | "rate_limited" | "unreachable" | "uncertain" | "error";
export type ReminderStatus = "SENT" | "SKIPPED" | "FAILED";

/** What a worker reports about its sends (the notification worker can take the same object). */
export interface SendMetrics {
  sends: Counter<"platform" | "outcome">;
  rateLimited: Counter<"platform">;
}

export interface ReminderMetrics extends SendMetrics {
  reminderOutcomes: Counter<"status">;
}

/** A queue as far as its depth is concerned (BullMQ's Queue has this). */
export interface CountableQueue {
  getJobCounts(...states: ("waiting" | "active" | "delayed")[]): Promise<Record<string, number>>;
}

/** The process's Prometheus registry: the same series on every role, each role filling its own. */
export interface Metrics extends ReminderMetrics {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route">;
  /** Conversation turns (engine.handle), by platform */
  turnDuration: Histogram<"platform">;
  /** Queues whose waiting/active/delayed counts are read on every scrape */
  watchQueue(name: string, queue: CountableQueue): void;
}

/** A scrape never waits longer than this for Redis (offline, its commands would queue). */
const QUEUE_COUNT_TIMEOUT_MS = 1_000;

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kinerja_" });
  const registers = [registry];
  const httpRequests = new Counter({
    name: "kinerja_http_requests_total",
    help: "HTTP requests by route and status",
    labelNames: ["method", "route", "status"],
    registers,
  });
  const httpDuration = new Histogram({
    name: "kinerja_http_request_duration_seconds",
    help: "HTTP request duration by route",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const sends = new Counter({
    name: "kinerja_sends_total",
    help: "Proactive messages sent to a platform, by outcome",
    labelNames: ["platform", "outcome"],
    registers,
  });
  const rateLimited = new Counter({
    name: "kinerja_rate_limited_total",
    help: "429 answers (Too Many Requests) from a platform",
    labelNames: ["platform"],
    registers,
  });
  const reminderOutcomes = new Counter({
    name: "kinerja_reminder_outcomes_total",
    help: "Reminder rows settled by the reminder worker, by status",
    labelNames: ["status"],
    registers,
  });
  const turnDuration = new Histogram({
    name: "kinerja_turn_duration_seconds",
    help: "Conversation turn latency (one inbound event to its replies)",
    labelNames: ["platform"],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const queues = new Map<string, CountableQueue>();
  const states = ["waiting", "active", "delayed"] as const;
  new Gauge({
    name: "kinerja_queue_jobs",
    help: "Jobs in a queue by state, read from Redis at scrape time",
    labelNames: ["queue", "state"],
    registers,
    async collect() {
      await Promise.all(
        [...queues].map(async ([name, queue]) => {
          const counts = await withTimeout(queue.getJobCounts(...states)).catch(() => undefined);
          // Redis unreachable: no sample rather than a made-up zero.
          if (!counts) for (const state of states) this.remove({ queue: name, state });
          else for (const state of states) this.set({ queue: name, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  // Every series is present from the start (at 0), so a scrape of a fresh process names them all.
  for (const status of ["SENT", "SKIPPED", "FAILED"] as const) reminderOutcomes.inc({ status }, 0);
  return {
    registry,
    httpRequests,
    httpDuration,
    sends,
    rateLimited,
    reminderOutcomes,
    turnDuration,
    watchQueue(name, queue) {
      queues.set(name, queue);
    },
  };
}

async function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("queue counts timed out")), QUEUE_COUNT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Times every conversation turn of an engine (the adapters get the wrapped one). */
export function withTurnTiming(
  engine: ConversationEngine,
  turnDuration: Histogram<"platform">,
): ConversationEngine {
  return {
    ...engine,
    handle: async (inbound) => {
      const end = turnDuration.startTimer({ platform: inbound.account.platform });
      try {
        return await engine.handle(inbound);
      } finally {
        end();
      }
    },
  };
}
