import pg from "pg";
import {
  type ClaimResult,
  type DeliveryStatus,
  TARGET_SELECT_SQL,
  type TargetRow,
  toTarget,
} from "./reminder-deliveries.ts";

/**
 * A reminder row claimed (PLANNED → SENDING) inside a transaction that stays open until the caller
 * commits it. The reminder worker commits at the instant the platform request leaves (in the same
 * synchronous step as its write), so a worker killed before that leaves no trace (PostgreSQL rolls the
 * claim back and the row is sent by the next run of its job), and one killed after it leaves the row
 * SENDING, its request on the wire: neither a lost reminder nor a second one, but for the microseconds
 * between the two socket writes. While the transaction is open the row is locked: a second claimer waits and
 * then finds it settled.
 */
export interface HeldClaim {
  readonly result: ClaimResult;
  /**
   * Sends COMMIT now: the command is written to the connection before this returns (node-postgres
   * writes an idle connection's query synchronously); the promise settles with PostgreSQL's answer.
   */
  commitNow(): Promise<void>;
  /** Settles the row in the same transaction, then commits (skipped, failed). */
  settleAndCommit(status: "SKIPPED" | "FAILED", reason: string): Promise<void>;
  /** Undoes the claim: the row is PLANNED again, its attempt not counted. */
  rollback(): Promise<void>;
}

const CLAIM_SQL = `
  WITH c AS (
    UPDATE reminder_delivery SET status = 'SENDING', sending_at = $2::timestamptz, attempts = attempts + 1
    WHERE id = $1::uuid AND status = 'PLANNED'
    RETURNING id, person_id, date, slot, attempts)
  ${TARGET_SELECT_SQL}`;

/**
 * The pool claims run on. Commits do not wait for the WAL flush: a claim is lost only if PostgreSQL
 * itself crashes within a fraction of a second (the reminder would then go out again), a worker's
 * crash is unaffected, and one flush per reminder would cap the send rate at the disk's sync rate.
 */
export function createClaimPool(databaseUrl: string, size: number): pg.Pool {
  // Pipelined: BEGIN and the claim go out together, one round trip.
  return new pg.Pool({
    connectionString: databaseUrl,
    max: size,
    options: "-c synchronous_commit=off",
    pipeline: true,
  } as pg.PoolConfig);
}

export async function holdClaim(pool: pg.Pool, deliveryId: string, now: Date): Promise<HeldClaim> {
  const client = await pool.connect();
  let open = true;
  const finish = async (command: "COMMIT" | "ROLLBACK", query?: Promise<unknown>) => {
    if (!open) return;
    open = false;
    try {
      await (query ?? client.query(command));
      client.release();
    } catch (error) {
      // The connection may be in an unknown state: do not give it back to the pool.
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  };
  try {
    // A named statement: planned once per connection, not once per reminder.
    const [, claimed] = await Promise.all([
      client.query("BEGIN"),
      client.query<TargetRow>({
        name: "kinerja-reminder-claim",
        text: CLAIM_SQL,
        values: [deliveryId, now.toISOString()],
      }),
    ]);
    const row = claimed.rows[0];
    if (row) {
      return {
        result: { kind: "claimed", target: toTarget(row) },
        commitNow() {
          // `client.query` writes to the socket before returning its promise.
          return finish("COMMIT", open ? client.query("COMMIT") : undefined);
        },
        async settleAndCommit(status, reason) {
          await client.query(
            `UPDATE reminder_delivery SET status = $2::"ReminderStatus", error = $3 WHERE id = $1::uuid`,
            [deliveryId, status, reason],
          );
          await finish("COMMIT");
        },
        rollback: () => finish("ROLLBACK"),
      };
    }
    const current = await client.query<{ status: DeliveryStatus; sendingAt: Date | null }>(
      `SELECT status::text AS status, sending_at AS "sendingAt" FROM reminder_delivery WHERE id = $1::uuid`,
      [deliveryId],
    );
    await finish("ROLLBACK");
    const found = current.rows[0];
    const result: ClaimResult = found
      ? { kind: "not-planned", status: found.status, sendingAt: found.sendingAt }
      : { kind: "missing" };
    return {
      result,
      commitNow: async () => {},
      settleAndCommit: async () => {},
      rollback: async () => {},
    };
  } catch (error) {
    if (open) {
      open = false;
      client.release(error instanceof Error ? error : true);
    }
    throw error;
  }
}
