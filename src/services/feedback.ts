import type { Platform } from "../generated/prisma/client.ts";
import type { Tx } from "./db-types.ts";

/**
 * Saves a supervisor's written feedback to an employee (general, not on one activity) and writes it to
 * the audit log. The caller has checked the supervisor may act for the employee (`memberFor`).
 */
export async function saveFeedback(
  tx: Tx,
  input: { fromId: string; toId: string; text: string; via: Platform; now: Date },
): Promise<string> {
  const feedback = await tx.feedback.create({
    data: { fromId: input.fromId, toId: input.toId, text: input.text, createdAt: input.now },
    select: { id: true },
  });
  await tx.auditLog.create({
    data: {
      actorId: input.fromId,
      via: input.via,
      action: "feedback.given",
      entity: "feedback",
      entityId: feedback.id,
      detail: { to: input.toId },
      at: input.now,
    },
  });
  return feedback.id;
}
