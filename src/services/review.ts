import { localDate } from "../domain/time-zone.ts";
import type { ActivityStatus, Platform } from "../generated/prisma/client.ts";
import { fromLocalDate, type Tx } from "./db-types.ts";

export type Decision = "DISETUJUI" | "REVISI" | "DITOLAK";

export type DecisionResult =
  | { ok: true; activityId: string; employeeId: string }
  | { ok: false; reason: "NOT_FOUND" }
  | { ok: false; reason: "NOT_AUTHORISED" }
  | { ok: false; reason: "ALREADY_DECIDED"; status: ActivityStatus; by: string | null; at: Date | null };

/**
 * Whether `actorId` may act for `employeeId` on `date`: the employee's direct supervisor then, or
 * someone that supervisor delegated their team to for a range including that date (never oneself).
 */
export async function canSupervise(
  tx: Tx,
  actorId: string,
  employeeId: string,
  date: string,
): Promise<boolean> {
  // Nobody decides on their own work, not even as the delegate of their own supervisor.
  if (actorId === employeeId) return false;
  const on = fromLocalDate(date);
  const relations = await tx.supervisorRelation.findMany({
    where: { personId: employeeId, validFrom: { lte: on }, OR: [{ validTo: null }, { validTo: { gt: on } }] },
    select: { supervisorId: true },
  });
  const supervisors = relations.map((r) => r.supervisorId);
  if (supervisors.includes(actorId)) return true;
  if (supervisors.length === 0) return false;
  const delegation = await tx.delegation.findFirst({
    where: { fromId: { in: supervisors }, toId: actorId, validFrom: { lte: on }, validTo: { gte: on } },
    select: { id: true },
  });
  return delegation !== null;
}

/**
 * A supervisor's decision on a submitted activity. Authority is checked against the decision day in
 * the employee's zone; a refusal is written to the audit log. The status changes only from DIAJUKAN,
 * atomically, so a double click or a retried request changes nothing and reports who decided when.
 */
export async function decideActivity(
  tx: Tx,
  input: {
    activityId: string;
    actorId: string;
    decision: Decision;
    reason: string | null;
    via: Platform;
    now: Date;
    /** The version the supervisor saw; a resubmitted activity needs its new message */
    expectedVersion?: number;
  },
): Promise<DecisionResult> {
  const activity = await tx.activity.findUnique({
    where: { id: input.activityId },
    select: {
      id: true,
      personId: true,
      status: true,
      person: { select: { unit: { select: { timeZone: true } } } },
    },
  });
  if (!activity) return { ok: false, reason: "NOT_FOUND" };
  const today = localDate(activity.person.unit.timeZone, input.now);
  if (!(await canSupervise(tx, input.actorId, activity.personId, today))) {
    await tx.auditLog.create({
      data: {
        actorId: input.actorId,
        via: input.via,
        action: "activity.decision_refused",
        entity: "activity",
        entityId: activity.id,
        detail: { decision: input.decision, reason: "not the employee's supervisor or delegate" },
        at: input.now,
      },
    });
    return { ok: false, reason: "NOT_AUTHORISED" };
  }
  const updated = await tx.activity.updateMany({
    where: {
      id: activity.id,
      status: "DIAJUKAN",
      ...(input.expectedVersion !== undefined ? { version: input.expectedVersion } : {}),
    },
    data: { status: input.decision, decidedAt: input.now, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const current = await tx.activity.findUniqueOrThrow({
      where: { id: activity.id },
      select: { status: true },
    });
    // The change that led to the current status (several changes may share a timestamp).
    const last = await tx.activityStatusChange.findFirst({
      where: { activityId: activity.id, toStatus: current.status },
      orderBy: { at: "desc" },
      include: { actor: { select: { name: true } } },
    });
    return {
      ok: false,
      reason: "ALREADY_DECIDED",
      status: current.status,
      by: last?.actor?.name ?? null,
      at: last?.at ?? null,
    };
  }
  await tx.activityStatusChange.create({
    data: {
      activityId: activity.id,
      fromStatus: "DIAJUKAN",
      toStatus: input.decision,
      actorId: input.actorId,
      reason: input.reason,
      via: input.via,
      at: input.now,
    },
  });
  await tx.auditLog.create({
    data: {
      actorId: input.actorId,
      via: input.via,
      action: `activity.${input.decision.toLowerCase()}`,
      entity: "activity",
      entityId: activity.id,
      at: input.now,
    },
  });
  return { ok: true, activityId: activity.id, employeeId: activity.personId };
}
