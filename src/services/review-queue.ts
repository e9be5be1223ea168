import type { Platform } from "../generated/prisma/client.ts";
import { fromLocalDate, type Tx, toLocalDate } from "./db-types.ts";
import { decideActivity } from "./review.ts";
import type { TeamMember } from "./team.ts";

/** A submitted activity waiting for a decision, as the queue lists it. */
export interface PendingActivity {
  id: string;
  version: number;
  date: string;
  description: string;
  quantity: number;
  unitLabel: string;
  minutes: number;
  submittedAt: Date;
}

export interface PendingDay {
  date: string;
  activities: PendingActivity[];
}

/** One employee's pending activities by day, oldest day first. */
export interface PendingOfEmployee {
  member: TeamMember;
  days: PendingDay[];
  count: number;
}

const PENDING_FIELDS = {
  id: true,
  version: true,
  personId: true,
  date: true,
  description: true,
  quantity: true,
  unitLabel: true,
  minutes: true,
  submittedAt: true,
} as const;

/**
 * The team's activities in DIAJUKAN (any date), grouped by employee and day. Employees are ordered by
 * their oldest pending day (who has waited longest comes first), days and activities oldest first.
 */
export async function pendingForTeam(tx: Tx, team: readonly TeamMember[]): Promise<PendingOfEmployee[]> {
  if (team.length === 0) return [];
  const rows = await tx.activity.findMany({
    where: { personId: { in: team.map((m) => m.id) }, status: "DIAJUKAN" },
    orderBy: [{ date: "asc" }, { submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: PENDING_FIELDS,
  });
  const byPerson = new Map<string, PendingOfEmployee>();
  for (const row of rows) {
    const member = team.find((m) => m.id === row.personId);
    if (!member) continue;
    let entry = byPerson.get(member.id);
    if (!entry) {
      entry = { member, days: [], count: 0 };
      byPerson.set(member.id, entry);
    }
    const date = toLocalDate(row.date);
    let day = entry.days.at(-1);
    if (day?.date !== date) {
      day = { date, activities: [] };
      entry.days.push(day);
    }
    day.activities.push({ ...row, date });
    entry.count += 1;
  }
  // Rows come oldest day first, so the insertion order of the map is already "longest waiting first".
  return [...byPerson.values()];
}

/** One employee's pending activities of one day, in the order they were submitted. */
export async function pendingOfDay(tx: Tx, employeeId: string, date: string): Promise<PendingActivity[]> {
  const rows = await tx.activity.findMany({
    where: { personId: employeeId, date: fromLocalDate(date), status: "DIAJUKAN" },
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: PENDING_FIELDS,
  });
  return rows.map((row) => ({ ...row, date }));
}

export interface BulkApproval {
  /** Approved now, with the version each had before (the effect carries version + 1) */
  approved: { activityId: string; version: number }[];
  /** Decided or changed by someone since it was listed (or gone) */
  alreadyDecided: number;
  /** The supervisor may no longer act for the employee (refused and audited per activity) */
  refused: number;
}

/**
 * Approves exactly the activities the supervisor was shown, each through `decideActivity` with the
 * version that was shown: authority, history, audit are those of a single approval. An activity decided
 * or resubmitted in between is skipped and counted; one submitted in between was never listed.
 */
export async function approveListed(
  tx: Tx,
  input: {
    actorId: string;
    activities: readonly { id: string; version: number }[];
    via: Platform;
    now: Date;
  },
): Promise<BulkApproval> {
  const outcome: BulkApproval = { approved: [], alreadyDecided: 0, refused: 0 };
  for (const listed of input.activities) {
    const result = await decideActivity(tx, {
      activityId: listed.id,
      actorId: input.actorId,
      decision: "DISETUJUI",
      reason: null,
      via: input.via,
      now: input.now,
      expectedVersion: listed.version,
    });
    if (result.ok) outcome.approved.push({ activityId: listed.id, version: listed.version });
    else if (result.reason === "NOT_AUTHORISED") outcome.refused += 1;
    else outcome.alreadyDecided += 1;
  }
  return outcome;
}
