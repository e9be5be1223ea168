import { sql } from "../db/direct-sql.ts";
import { rangesOverlap, type TimeSpent } from "../domain/time-spent.ts";
import type { ActivityStatus, EvidenceKind, Platform } from "../generated/prisma/client.ts";
import { fromLocalDate, type Tx } from "./db-types.ts";

/** What an employee reports (SPEC section 5); `ikiId` null is "tugas lain". */
export interface ActivityDraft {
  date: string;
  ikiId: string | null;
  description: string;
  quantity: number;
  time: TimeSpent;
  evidence: EvidenceDraft;
}

export type EvidenceDraft =
  | { kind: "NONE" }
  | { kind: "LINK"; url: string }
  | {
      kind: "PHOTO" | "DOCUMENT";
      fileId: string;
      fileUniqueId?: string | undefined;
      fileName?: string | undefined;
      mimeType?: string | undefined;
      sizeBytes?: number | undefined;
    };

/** Statuses whose minutes count against the day's limit (a rejected report frees its minutes). */
const COUNTING: ActivityStatus[] = ["DIAJUKAN", "DISETUJUI", "REVISI"];

export type TimeProblem =
  | { kind: "OVER_DAILY_LIMIT"; claimed: number; limit: number }
  | { kind: "OVERLAPS"; startMinute: number; endMinute: number }
  | { kind: "IN_FUTURE" };

/**
 * Checks a claimed time against the person's other activities of that day: the day's minutes may not
 * exceed the unit's limit, ranges may not overlap, and a range may not end after "now" on today.
 */
export async function checkTimeSpent(
  tx: Tx,
  input: {
    personId: string;
    date: string;
    time: TimeSpent;
    minutesPerDay: number;
    today: string;
    nowMinuteOfDay: number;
    excludeActivityId?: string | undefined;
  },
): Promise<TimeProblem | null> {
  const { time } = input;
  if (time.endMinute !== undefined && input.date === input.today && time.endMinute > input.nowMinuteOfDay) {
    return { kind: "IN_FUTURE" };
  }
  const exclude = input.excludeActivityId ?? null;
  const others = await sql<{ minutes: number; startMinute: number | null; endMinute: number | null }>(tx)`
    SELECT minutes, start_minute AS "startMinute", end_minute AS "endMinute" FROM activity
    WHERE person_id = ${input.personId}::uuid AND date = ${input.date}::date
      AND status::text = ANY(${COUNTING}::text[]) AND (${exclude}::uuid IS NULL OR id <> ${exclude}::uuid)`;
  const claimed = others.reduce((sum, a) => sum + a.minutes, 0);
  if (claimed + time.minutes > input.minutesPerDay) {
    return { kind: "OVER_DAILY_LIMIT", claimed, limit: input.minutesPerDay };
  }
  if (time.startMinute !== undefined && time.endMinute !== undefined) {
    const range = { startMinute: time.startMinute, endMinute: time.endMinute };
    for (const other of others) {
      if (other.startMinute === null || other.endMinute === null) continue;
      const otherRange = { startMinute: other.startMinute, endMinute: other.endMinute };
      if (rangesOverlap(range, otherRange)) return { kind: "OVERLAPS", ...otherRange };
    }
  }
  return null;
}

/** Minutes already claimed on a day (submitted, approved or in revision). */
export async function claimedMinutes(tx: Tx, personId: string, date: string): Promise<number> {
  const rows = await sql<{ minutes: number }>(tx)`
    SELECT COALESCE(SUM(minutes), 0)::int AS minutes FROM activity
    WHERE person_id = ${personId}::uuid AND date = ${date}::date AND status::text = ANY(${COUNTING}::text[])`;
  return rows[0]?.minutes ?? 0;
}

/** Serialises submissions of one person (two chats at once must not both pass the daily limit). */
export async function lockPerson(tx: Tx, personId: string): Promise<void> {
  await sql(tx)`SELECT id FROM person WHERE id = ${personId}::uuid FOR UPDATE`;
}

function evidenceRow(evidence: EvidenceDraft, platform: Platform) {
  if (evidence.kind === "NONE") return null;
  if (evidence.kind === "LINK") return { kind: "LINK" as EvidenceKind, url: evidence.url };
  return {
    kind: evidence.kind as EvidenceKind,
    platform,
    fileId: evidence.fileId,
    fileUniqueId: evidence.fileUniqueId ?? null,
    fileName: evidence.fileName ?? null,
    mimeType: evidence.mimeType ?? null,
    sizeBytes: evidence.sizeBytes ?? null,
  };
}

/** The columns a submission sets, for a new activity and a resubmitted one alike. */
function submittedFields(input: { draft: ActivityDraft; unitLabel: string; onNonWorkingDay: boolean }) {
  const { draft } = input;
  return {
    date: fromLocalDate(draft.date),
    ikiId: draft.ikiId,
    description: draft.description,
    quantity: draft.quantity,
    unitLabel: input.unitLabel,
    minutes: draft.time.minutes,
    startMinute: draft.time.startMinute ?? null,
    endMinute: draft.time.endMinute ?? null,
    onNonWorkingDay: input.onNonWorkingDay,
    status: "DIAJUKAN" as const,
  };
}

export async function createSubmittedActivity(
  tx: Tx,
  input: {
    personId: string;
    draft: ActivityDraft;
    unitLabel: string;
    onNonWorkingDay: boolean;
    via: Platform;
    now: Date;
  },
): Promise<string> {
  const { draft } = input;
  const fields = submittedFields(input);
  const e = evidenceRow(draft.evidence, input.via);
  const file = e && "fileId" in e ? e : null;
  // One statement: the activity, its first history row and its evidence (a turn's hot path, see README).
  const rows = await sql<{ id: string }>(tx)`
    WITH a AS (
      INSERT INTO activity (id, person_id, date, iki_id, description, quantity, unit_label, minutes, start_minute,
                            end_minute, on_non_working_day, status, submitted_at, source, updated_at)
      VALUES (gen_random_uuid(), ${input.personId}::uuid, ${draft.date}::date, ${fields.ikiId}::uuid,
              ${fields.description}, ${fields.quantity}::int, ${fields.unitLabel}, ${fields.minutes}::int,
              ${fields.startMinute}::int, ${fields.endMinute}::int, ${fields.onNonWorkingDay}::boolean, 'DIAJUKAN',
              ${input.now}::timestamptz, ${input.via}::"Platform", ${input.now}::timestamptz)
      RETURNING id),
    h AS (
      INSERT INTO activity_status_change (id, activity_id, to_status, actor_id, via, at)
      SELECT gen_random_uuid(), a.id, 'DIAJUKAN', ${input.personId}::uuid, ${input.via}::"Platform",
             ${input.now}::timestamptz FROM a),
    e AS (
      INSERT INTO evidence (id, activity_id, kind, url, platform, file_id, file_unique_id, file_name, mime_type,
                            size_bytes)
      SELECT gen_random_uuid(), a.id, ${e?.kind ?? null}::"EvidenceKind", ${e && "url" in e ? e.url : null},
             ${file?.platform ?? null}::"Platform", ${file?.fileId ?? null}, ${file?.fileUniqueId ?? null},
             ${file?.fileName ?? null}, ${file?.mimeType ?? null}, ${file?.sizeBytes ?? null}::int
      FROM a WHERE ${e?.kind ?? null}::text IS NOT NULL)
    SELECT id::text AS id FROM a`;
  const id = rows[0]?.id;
  if (!id) throw new Error("the activity was not inserted");
  return id;
}

/**
 * Sends a revised activity back for review. Only its owner, only from REVISI, and only if nobody
 * changed it since the employee started editing (`expectedVersion`). Returns false otherwise.
 */
export async function resubmitActivity(
  tx: Tx,
  input: {
    activityId: string;
    expectedVersion: number;
    personId: string;
    draft: ActivityDraft;
    unitLabel: string;
    onNonWorkingDay: boolean;
    via: Platform;
    now: Date;
  },
): Promise<boolean> {
  const { draft } = input;
  const updated = await tx.activity.updateMany({
    where: {
      id: input.activityId,
      personId: input.personId,
      status: "REVISI",
      version: input.expectedVersion,
    },
    data: {
      ...submittedFields(input),
      submittedAt: input.now,
      decidedAt: null,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) return false;
  await tx.activityStatusChange.create({
    data: {
      activityId: input.activityId,
      fromStatus: "REVISI",
      toStatus: "DIAJUKAN",
      actorId: input.personId,
      via: input.via,
      at: input.now,
    },
  });
  await tx.evidence.deleteMany({ where: { activityId: input.activityId } });
  const evidence = evidenceRow(draft.evidence, input.via);
  if (evidence) await tx.evidence.create({ data: { activityId: input.activityId, ...evidence } });
  return true;
}
