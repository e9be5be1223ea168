import { execute, sql } from "../db/direct-sql.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { PlatformName } from "./types.ts";

type Tx = Prisma.TransactionClient;

/** An unfinished dialog: which flow, which step, what was answered so far. */
export interface DialogState {
  flow: string;
  step: string;
  data: Record<string, unknown>;
}

export interface StoredState {
  state: DialogState | null;
  /** A dialog was open but ended by 24 h of silence */
  expired: boolean;
  /** 0 when no row exists yet */
  version: number;
}

/** Raised when another process changed the same dialog since it was read; the turn is retried. */
export class StateVersionConflict extends Error {
  constructor() {
    super("conversation state changed concurrently");
    this.name = "StateVersionConflict";
  }
}

export const DIALOG_LIFETIME_MS = 24 * 60 * 60 * 1000;

// The queries of every turn are plain SQL: Prisma's query compiler costs several times more CPU than
// the query itself, and these run on each message (see README, "Benchmarks").
export async function readState(
  tx: Tx,
  platform: PlatformName,
  externalId: string,
  now: Date,
): Promise<StoredState> {
  const rows = await sql<{ flow: string; step: string; data: unknown; version: number; expiresAt: Date }>(tx)`
    SELECT flow, step, data, version, expires_at AS "expiresAt"
    FROM conversation_state WHERE platform = ${platform}::"Platform" AND external_id = ${externalId}`;
  return storedStateOf(rows[0], now);
}

/** A `conversation_state` row as read (or none) as the turn's dialog state. */
export function storedStateOf(
  row: { flow: string; step: string; data: unknown; version: number; expiresAt: Date } | undefined,
  now: Date,
): StoredState {
  if (!row) return { state: null, expired: false, version: 0 };
  const ended = row.flow === "";
  const expired = !ended && row.expiresAt <= now;
  const data = row.data !== null && typeof row.data === "object" && !Array.isArray(row.data) ? row.data : {};
  return {
    state:
      expired || ended ? null : { flow: row.flow, step: row.step, data: data as Record<string, unknown> },
    expired,
    version: row.version,
  };
}

/**
 * Removes the dialog row of an account no person is linked to once its dialog ends (a citizen's survey, a
 * link attempt): nothing about someone we do not know outlives their conversation. Only if nobody wrote since
 * `version` was read.
 */
export async function forgetState(
  tx: Tx,
  key: { platform: PlatformName; externalId: string },
  version: number,
): Promise<void> {
  if (version === 0) return;
  const deleted = await execute(tx)`
    DELETE FROM conversation_state
    WHERE platform = ${key.platform}::"Platform" AND external_id = ${key.externalId} AND version = ${version}`;
  if (deleted === 0) throw new StateVersionConflict();
}

/**
 * Writes the next state only if nobody wrote since `version` was read (optimistic locking).
 * `null` ends the dialog (the row is kept, emptied, so its version keeps counting).
 */
export async function writeState(
  tx: Tx,
  key: { platform: PlatformName; externalId: string },
  version: number,
  next: DialogState | null,
  now: Date,
): Promise<void> {
  const flow = next?.flow ?? "";
  const step = next?.step ?? "";
  const data = JSON.stringify(next?.data ?? {});
  const expiresAt = new Date(now.getTime() + (next ? DIALOG_LIFETIME_MS : 0));
  if (version === 0) {
    const created = await execute(tx)`
      INSERT INTO conversation_state (id, platform, external_id, flow, step, data, version, expires_at, updated_at)
      VALUES (gen_random_uuid(), ${key.platform}::"Platform", ${key.externalId}, ${flow}, ${step}, ${data}::jsonb, 1,
              ${expiresAt}, ${now})
      ON CONFLICT (platform, external_id) DO NOTHING`;
    if (created === 0) throw new StateVersionConflict();
    return;
  }
  const updated = await execute(tx)`
    UPDATE conversation_state
    SET flow = ${flow}, step = ${step}, data = ${data}::jsonb, expires_at = ${expiresAt}, updated_at = ${now},
        version = version + 1
    WHERE platform = ${key.platform}::"Platform" AND external_id = ${key.externalId} AND version = ${version}`;
  if (updated === 0) throw new StateVersionConflict();
}
