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

export async function readState(
  tx: Tx,
  platform: PlatformName,
  externalId: string,
  now: Date,
): Promise<StoredState> {
  const row = await tx.conversationState.findUnique({
    where: { platform_externalId: { platform, externalId } },
  });
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
  const values = {
    flow: next?.flow ?? "",
    step: next?.step ?? "",
    data: (next?.data ?? {}) as Prisma.InputJsonValue,
    expiresAt: new Date(now.getTime() + (next ? DIALOG_LIFETIME_MS : 0)),
  };
  if (version === 0) {
    const created = await tx.conversationState.createMany({
      data: [{ ...key, ...values }],
      skipDuplicates: true,
    });
    if (created.count === 0) throw new StateVersionConflict();
    return;
  }
  const updated = await tx.conversationState.updateMany({
    where: { platform: key.platform, externalId: key.externalId, version },
    data: { ...values, version: { increment: 1 } },
  });
  if (updated.count === 0) throw new StateVersionConflict();
}
