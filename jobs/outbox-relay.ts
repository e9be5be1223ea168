import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Db } from "../src/db/client.ts";
import type { Logger } from "../src/logger.ts";
import { type NotificationJob, notificationJob } from "../src/outbox/notification-job.ts";
import { NOTIFICATION_JOB_OPTIONS } from "./notification-queue.ts";

/**
 * Moves outbox rows (src/outbox/outbox.ts) to the notification queue. It runs in every process with the
 * `web` or `worker` role, when nudged after a turn committed and on its own clock, so a relay that died
 * or a Redis outage only delays a row. Rows are handed over with the job id stored in the row, so two
 * relays, or one that crashed between the enqueue and its note, enqueue a row once. A row the worker has
 * not finished is handed over again after `resendAfterMs`: a no-op while Redis still has the job, the
 * job again when Redis lost it (a restart without persistence); the worker skips rows already done.
 */
export interface OutboxRelay {
  /** Relay soon (a turn just wrote rows). */
  nudge(): void;
  /** One pass now; resolves with the rows handed over (0 when Redis is away). */
  runOnce(): Promise<number>;
  close(): Promise<void>;
}

export interface OutboxRelayDeps {
  db: Db;
  queue: Queue<NotificationJob>;
  /** The queue's connection: a pass is skipped while it is not ready, so nothing waits on Redis */
  connection: Redis;
  logger: Logger;
  everyMs?: number;
  resendAfterMs?: number;
  batchSize?: number;
  /** How long one enqueue may take before the pass gives up (Redis half away) */
  enqueueTimeoutMs?: number;
}

interface OutboxRow {
  id: bigint;
  payload: unknown;
  job_id: string;
}

export function startOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const { db, queue, connection, logger } = deps;
  const everyMs = deps.everyMs ?? 1_000;
  const resendAfterMs = deps.resendAfterMs ?? 60_000;
  const batchSize = deps.batchSize ?? 200;
  const enqueueTimeoutMs = deps.enqueueTimeoutMs ?? 3_000;
  let running: Promise<number> | null = null;
  let again = false;
  let closed = false;
  let failing = false;
  let pendingEnqueue: Promise<unknown> | null = null;

  async function due(): Promise<OutboxRow[]> {
    return db.$queryRaw<OutboxRow[]>`
      SELECT id, payload, job_id FROM outbox_event
      WHERE done_at IS NULL
        AND (relayed_at IS NULL OR relayed_at < now() - make_interval(secs => ${resendAfterMs / 1000}))
      ORDER BY id LIMIT ${batchSize}`;
  }

  async function enqueue(rows: OutboxRow[]): Promise<void> {
    const jobs = rows.flatMap((row) => {
      const data = notificationJob.safeParse({
        ...(row.payload as object),
        outboxId: String(row.id),
      });
      if (!data.success) {
        logger.error({ outboxId: String(row.id) }, "outbox row has an unknown shape; left for inspection");
        return [];
      }
      return [
        { name: data.data.kind, data: data.data, opts: { ...NOTIFICATION_JOB_OPTIONS, jobId: row.job_id } },
      ];
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("enqueue timed out")), enqueueTimeoutMs);
    });
    // An enqueue that timed out may still be waiting in the client: no second one is stacked on it.
    if (pendingEnqueue) throw new Error("the previous enqueue is still pending");
    const adding = queue.addBulk(jobs).finally(() => {
      pendingEnqueue = null;
    });
    pendingEnqueue = adding;
    adding.catch(() => {}); // a late failure after the timeout is the next pass's business
    try {
      await Promise.race([adding, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function pass(): Promise<number> {
    let handed = 0;
    for (;;) {
      if (closed || connection.status !== "ready") return handed;
      const rows = await due();
      if (rows.length === 0) return handed;
      await enqueue(rows);
      await db.$executeRaw`UPDATE outbox_event SET relayed_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
      handed += rows.length;
      if (rows.length < batchSize) return handed;
    }
  }

  function run(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .then((handed) => {
        if (failing) logger.info("outbox relay works again");
        failing = false;
        return handed;
      })
      .catch((error: unknown) => {
        if (!failing)
          logger.warn({ err: error }, "outbox relay pass failed; rows stay and are relayed later");
        failing = true;
        return 0;
      })
      .finally(() => {
        running = null;
        if (again && !closed) {
          again = false;
          void run();
        }
      });
    return running;
  }

  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  void run();
  return {
    nudge: () => void run(),
    runOnce: async () => {
      await running;
      return run();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await running;
    },
  };
}
