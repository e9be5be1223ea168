import pg from "pg";
import { type HeldClaim, MARK_LEFT_SQL } from "./reminder-deliveries.ts";

/**
 * Connections for marking a claimed reminder's request as out (`left_at`). Written in the same
 * synchronous step as the request itself (jobs/reminder-worker.ts), the mark tells a later run of the
 * job whether a worker that died left the reminder unsent (send it) or on the wire (never again).
 * The marks do not wait for the WAL flush: one is lost only if PostgreSQL itself crashes within that
 * fraction of a second (the reminder would then go out again), and a flush per reminder would cap the
 * send rate at the disk's sync rate.
 */
export function createLeftMarkPool(databaseUrl: string, size: number): pg.Pool {
  return new pg.Pool({
    connectionString: databaseUrl,
    max: size,
    options: "-c synchronous_commit=off",
    query_timeout: 10_000,
  });
}

export interface LeftMark {
  /**
   * Writes the mark to PostgreSQL's socket before returning (node-postgres writes an idle
   * connection's query at once); the promise settles with PostgreSQL's answer. Called once.
   */
  writeNow(): Promise<void>;
  /** Gives the connection back, once the mark (if written) has been answered. */
  release(): Promise<void>;
}

/** Takes a connection ready to write the mark for this row the moment its request leaves. */
export async function prepareLeftMark(pool: pg.Pool, claim: HeldClaim, clock: () => Date): Promise<LeftMark> {
  const client = await pool.connect();
  let written: Promise<void> | undefined;
  let broken: Error | undefined;
  // pg-pool listens for errors of idle clients only; a held one needs its own listener.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  return {
    writeNow() {
      written ??= client
        .query({
          name: "kinerja-reminder-left",
          text: MARK_LEFT_SQL,
          values: [claim.id, clock().toISOString(), claim.claimedAt?.toISOString() ?? null],
        })
        .then(
          () => undefined,
          (error: Error) => {
            broken = error;
            throw error;
          },
        );
      return written;
    },
    async release() {
      await written?.catch(() => undefined);
      client.off("error", onError);
      client.release(broken ?? false);
    },
  };
}
