import { LINK_TRY_WINDOW_MS } from "./account-linking.ts";
import type { Tx } from "./db-types.ts";
import { pruneSurveyMarks } from "./survey-responses.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionRules {
  /**
   * Platform event keys kept for deduplication. Telegram redelivers an unanswered webhook update for
   * up to 24 hours and Slack retries an event three times within minutes, so a week is well beyond
   * any redelivery.
   */
  processedEventMs: number;
  /** Link tries: only failures within the lock window count (account-linking.ts), older ones never. */
  linkAttemptMs: number;
  /** Outbox rows relayed this long ago (their job ids outlive every dedupe window above). */
  outboxRelayedMs: number;
  /** Rows per DELETE statement: short transactions, no long lock on a busy table */
  batchSize: number;
}

export const DEFAULT_RETENTION: RetentionRules = {
  processedEventMs: 7 * DAY_MS,
  linkAttemptMs: LINK_TRY_WINDOW_MS,
  outboxRelayedMs: 7 * DAY_MS,
  batchSize: 5_000,
};

export interface PruneResult {
  processedEvents: number;
  linkAttempts: number;
  outboxEvents: number;
  /** dialogs of accounts no person is linked to, a day past their end (an abandoned survey, a link attempt) */
  unlinkedDialogs: number;
}

/**
 * Deletes the bookkeeping rows no rule needs any more, in batches of `batchSize` rows per statement
 * until none is left. Safe to run in several processes at once: each batch deletes what is still there.
 */
export async function pruneOldRows(
  db: Tx,
  now: Date,
  rules: RetentionRules = DEFAULT_RETENTION,
): Promise<PruneResult> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const batch = rules.batchSize;
  const processedCutoff = before(rules.processedEventMs);
  const linkCutoff = before(rules.linkAttemptMs);
  const outboxCutoff = before(rules.outboxRelayedMs);
  // The survey's "answered today" marks of days already over: needed only during their day (SPEC section 13).
  await pruneSurveyMarks(db, now, batch);
  return {
    processedEvents: await inBatches(
      batch,
      () =>
        db.$executeRaw`
        DELETE FROM processed_event WHERE key IN (
          SELECT key FROM processed_event WHERE received_at < ${processedCutoff} LIMIT ${batch})`,
    ),
    linkAttempts: await inBatches(
      batch,
      () =>
        db.$executeRaw`
        DELETE FROM link_attempt WHERE id IN (
          SELECT id FROM link_attempt WHERE at < ${linkCutoff} LIMIT ${batch})`,
    ),
    outboxEvents: await inBatches(
      batch,
      () =>
        db.$executeRaw`
        DELETE FROM outbox_event WHERE id IN (
          SELECT id FROM outbox_event
          WHERE relayed_at < ${outboxCutoff} AND (done_at IS NULL OR done_at < ${outboxCutoff})
          LIMIT ${batch})`,
    ),
    unlinkedDialogs: await inBatches(
      batch,
      () =>
        db.$executeRaw`
        DELETE FROM conversation_state WHERE id IN (
          SELECT s.id FROM conversation_state s
          WHERE s.expires_at < ${before(DAY_MS)}
            AND NOT EXISTS (
              SELECT 1 FROM platform_account a WHERE a.platform = s.platform AND a.external_id = s.external_id)
          LIMIT ${batch})`,
    ),
  };
}

async function inBatches(batchSize: number, deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
