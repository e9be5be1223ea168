import type { Effect } from "../conversation/context.ts";
import { execute } from "../db/direct-sql.ts";
import type { Tx } from "../services/db-types.ts";
import { jobFor } from "./notification-job.ts";

/**
 * The transactional outbox (SPEC section 16). A turn's effects are rows written in the turn's own
 * transaction, so they exist exactly when the turn committed; the relay (jobs/outbox-relay.ts) hands
 * them to the queue afterwards, and the worker records here what it has sent and when it is done.
 * PostgreSQL is the truth: a job Redis lost is handed again, a job run twice sends nothing twice.
 */
export async function writeEffects(tx: Tx, effects: readonly Effect[]): Promise<void> {
  if (effects.length === 0) return;
  const jobs = effects.map(jobFor);
  await execute(tx)`
    INSERT INTO outbox_event (kind, payload, job_id)
    SELECT p->>'kind', p, j
    FROM unnest(${jobs.map((job) => JSON.stringify(job.payload))}::jsonb[], ${jobs.map((job) => job.jobId)}::text[])
      AS e(p, j)
    ON CONFLICT (job_id) DO NOTHING`;
}

/** What the worker needs to know before it sends: done already, and who has had it. */
export interface OutboxProgress {
  done: boolean;
  sentTo: ReadonlySet<string>;
}

/**
 * Takes the row for one run of its job for `leaseMs`: "claimed" when another run holds it (two runs of one
 * row never send side by side), null when the row is gone.
 */
export async function claimOutboxRow(
  tx: Tx,
  outboxId: string,
  leaseMs: number,
): Promise<OutboxProgress | "claimed" | null> {
  const id = BigInt(outboxId);
  const rows = await tx.$queryRaw<{ done: boolean; sent_to: string[] | null }[]>`
    UPDATE outbox_event SET claimed_until = now() + make_interval(secs => ${leaseMs / 1000})
    WHERE id = ${id} AND (done_at IS NOT NULL OR claimed_until IS NULL OR claimed_until < now())
    RETURNING done_at IS NOT NULL AS done, sent_to`;
  const row = rows[0];
  if (row) return { done: row.done, sentTo: new Set(row.sent_to ?? []) };
  const exists = await tx.$queryRaw<{ n: number }[]>`SELECT 1 AS n FROM outbox_event WHERE id = ${id}`;
  return exists.length > 0 ? "claimed" : null;
}

/** The run is over (done or failed): the next run may take the row at once. */
export async function releaseOutboxRow(tx: Tx, outboxId: string): Promise<void> {
  await tx.$executeRaw`UPDATE outbox_event SET claimed_until = NULL WHERE id = ${BigInt(outboxId)}`;
}

/** One recipient has had the message (written right after the platform answered). */
export async function recordSent(tx: Tx, outboxId: string, personId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE outbox_event SET sent_to = array_append(coalesce(sent_to, '{}'), ${personId})
    WHERE id = ${BigInt(outboxId)} AND NOT (${personId} = ANY(coalesce(sent_to, '{}')))`;
}

export async function markDone(tx: Tx, outboxId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE outbox_event SET done_at = coalesce(done_at, now()), claimed_until = NULL WHERE id = ${BigInt(outboxId)}`;
}

export async function recordFailure(tx: Tx, outboxId: string, error: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE outbox_event SET attempts = attempts + 1, last_error = ${error.slice(0, 200)}
    WHERE id = ${BigInt(outboxId)}`;
}
