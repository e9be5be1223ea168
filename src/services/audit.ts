import type { Tx } from "./db-types.ts";

/** One row of `audit_log`: who did (or was refused) what to which entity, when, through which channel. */
export async function writeAudit(
  tx: Tx,
  input: {
    actorId: string | null;
    via: string;
    action: string;
    entity: string;
    entityId: string;
    now: Date;
    detail?: Record<string, string | number>;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: input.actorId,
      via: input.via,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      at: input.now,
      ...(input.detail ? { detail: input.detail } : {}),
    },
  });
}
