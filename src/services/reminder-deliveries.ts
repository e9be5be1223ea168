import type { LocaleCode } from "../conversation/types.ts";
import { execute, sql } from "../db/direct-sql.ts";
import { type Platform, Prisma } from "../generated/prisma/client.ts";
import type { Address } from "../outbound/port.ts";
import type { Tx } from "./db-types.ts";

/**
 * The `reminder_delivery` row lifecycle seen from the sending side (see jobs/reminder-queue.ts):
 * PLANNED → SENDING (claimed, about to call the platform) → SENT | SKIPPED | FAILED, and back to
 * PLANNED when a send must be tried again. Every change is a conditional update on the status, so two
 * workers holding the same row can never both move it.
 */
export type DeliveryStatus = "PLANNED" | "SENDING" | "SENT" | "SKIPPED" | "FAILED";

/** A delivery row with what the send-time checks and the message need about its person. */
export interface ReminderTarget {
  id: string;
  personId: string;
  /** The person's local day the reminder belongs to ("YYYY-MM-DD", in their unit's zone) */
  date: string;
  slot: string;
  /** Claims so far, this one included */
  attempts: number;
  /**
   * When the claim this worker holds was made (`sending_at`): every later change of the row names it,
   * so a worker whose claim was taken over (it stalled past its lock) changes nothing.
   */
  claimedAt: Date | null;
  active: boolean;
  locale: LocaleCode | null;
  unitId: string;
  timeZone: string;
  /** A submitted, approved or in-revision activity dated `date` */
  reportedOnDate: boolean;
  /** An absence (leave, sick, official travel, ...) covering `date` */
  absentOnDate: boolean;
  /** The person's reachable accounts */
  accounts: (Address & { platform: Platform })[];
}

interface TargetRow {
  id: string;
  personId: string;
  date: string;
  slot: string;
  attempts: number;
  claimedAt: Date | null;
  active: boolean;
  locale: string | null;
  unitId: string;
  timeZone: string;
  reported: boolean;
  absent: boolean;
  accounts: { platform: Platform; address: string; teamId: string | null }[];
}

/** Everything about the row `c` (a CTE with id, person_id, date, slot, attempts, sending_at) in the same statement. */
const TARGET_SELECT_SQL = `
  SELECT c.id::text AS id, c.person_id::text AS "personId", to_char(c.date, 'YYYY-MM-DD') AS date, c.slot,
         c.attempts, c.sending_at AS "claimedAt", p.active, p.locale::text AS locale, p.unit_id::text AS "unitId", u.time_zone AS "timeZone",
         EXISTS (SELECT 1 FROM activity a WHERE a.person_id = c.person_id AND a.date = c.date
                 AND a.status IN ('DIAJUKAN', 'DISETUJUI', 'REVISI')) AS reported,
         EXISTS (SELECT 1 FROM absence b WHERE b.person_id = c.person_id
                 AND b.start_date <= c.date AND b.end_date >= c.date) AS absent,
         COALESCE((SELECT json_agg(json_build_object('platform', pa.platform, 'address', pa.address,
                                                     'teamId', pa.team_id) ORDER BY pa.platform)
                   FROM platform_account pa WHERE pa.person_id = c.person_id AND pa.reachable), '[]'::json)
           AS accounts
  FROM c JOIN person p ON p.id = c.person_id JOIN unit u ON u.id = p.unit_id`;
const TARGET_SELECT = Prisma.raw(TARGET_SELECT_SQL);

function toTarget(row: TargetRow): ReminderTarget {
  return {
    id: row.id,
    personId: row.personId,
    date: row.date,
    slot: row.slot,
    attempts: row.attempts,
    claimedAt: row.claimedAt,
    active: row.active,
    locale: row.locale === "id" || row.locale === "en" ? row.locale : null,
    unitId: row.unitId,
    timeZone: row.timeZone,
    reportedOnDate: row.reported,
    absentOnDate: row.absent,
    accounts: row.accounts.map((a) => ({ platform: a.platform, address: a.address, teamId: a.teamId })),
  };
}

export type ClaimResult =
  | { kind: "claimed"; target: ReminderTarget }
  /** Not PLANNED: someone else holds it (SENDING since `sendingAt`, its request out if `left`) or it is settled */
  | { kind: "not-planned"; status: DeliveryStatus; sendingAt: Date | null; left: boolean }
  | { kind: "missing" };

/**
 * Claims PLANNED rows for sending (PLANNED → SENDING, `sending_at` = now, one more attempt) and reads
 * what each send needs in the same statement, so nothing but in-process work lies between a claim and
 * its platform call. Rows in any other state are left alone and reported as they are. One statement
 * for many rows: the worker gathers the claims of the jobs it runs at the same moment.
 */
export async function claimDeliveries(
  tx: Tx,
  deliveryIds: readonly string[],
  now: Date,
): Promise<Map<string, ClaimResult>> {
  const results = new Map<string, ClaimResult>();
  if (deliveryIds.length === 0) return results;
  const rows = await sql<TargetRow>(tx)`
    WITH c AS (
      UPDATE reminder_delivery
      SET status = 'SENDING', sending_at = ${now}::timestamptz, left_at = NULL, attempts = attempts + 1
      WHERE id = ANY(${[...deliveryIds]}::uuid[]) AND status = 'PLANNED'
      RETURNING id, person_id, date, slot, attempts, sending_at)
    ${TARGET_SELECT}`;
  for (const row of rows) results.set(row.id, { kind: "claimed", target: toTarget(row) });
  const others = deliveryIds.filter((id) => !results.has(id));
  if (others.length > 0) {
    const current = await sql<{ id: string; status: DeliveryStatus; sendingAt: Date | null; left: boolean }>(
      tx,
    )`
      SELECT id::text AS id, status::text AS status, sending_at AS "sendingAt", left_at IS NOT NULL AS left
      FROM reminder_delivery WHERE id = ANY(${others}::uuid[])`;
    for (const row of current) {
      results.set(row.id, {
        kind: "not-planned",
        status: row.status,
        sendingAt: row.sendingAt,
        left: row.left,
      });
    }
    for (const id of others) if (!results.has(id)) results.set(id, { kind: "missing" });
  }
  return results;
}

/** {@link claimDeliveries} for one row. */
export async function claimDelivery(tx: Tx, deliveryId: string, now: Date): Promise<ClaimResult> {
  return (await claimDeliveries(tx, [deliveryId], now)).get(deliveryId) ?? { kind: "missing" };
}

/** The row and its person's facts without claiming it (for checks outside the worker). */
export async function loadReminderTarget(tx: Tx, deliveryId: string): Promise<ReminderTarget | null> {
  const rows = await sql<TargetRow>(tx)`
    WITH c AS (SELECT id, person_id, date, slot, attempts, sending_at FROM reminder_delivery
               WHERE id = ${deliveryId}::uuid)
    ${TARGET_SELECT}`;
  return rows[0] ? toTarget(rows[0]) : null;
}

/** One held claim: the row and when it was claimed (see {@link ReminderTarget.claimedAt}). */
export interface HeldClaim {
  id: string;
  claimedAt: Date | null;
}

/** SENDING → SENT for each claim still held; returns the rows that changed. */
export async function markDeliveriesSent(
  tx: Tx,
  claims: readonly HeldClaim[],
  now: Date,
): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const ids = claims.map((c) => c.id);
  // `id = ANY` first, so the rows are found by primary key, then each is checked against its claim.
  const rows = await sql<{ id: string }>(tx)`
    UPDATE reminder_delivery r SET status = 'SENT', sent_at = ${now}::timestamptz, error = NULL
    FROM unnest(${ids}::uuid[], ${claims.map((c) => c.claimedAt?.toISOString() ?? null)}::timestamptz[])
      AS h(id, claimed_at)
    WHERE r.id = ANY(${ids}::uuid[]) AND r.id = h.id AND r.status = 'SENDING'
      AND r.sending_at IS NOT DISTINCT FROM h.claimed_at
    RETURNING r.id::text AS id`;
  return new Set(rows.map((row) => row.id));
}

/** SENDING → SKIPPED (not sent on purpose) or FAILED (cannot be delivered), with the reason. */
export async function settleDelivery(
  tx: Tx,
  claim: HeldClaim,
  status: "SKIPPED" | "FAILED",
  reason: string,
): Promise<boolean> {
  const changed = await execute(tx)`
    UPDATE reminder_delivery SET status = ${status}::"ReminderStatus", error = ${reason}
    WHERE id = ${claim.id}::uuid AND status = 'SENDING'
      AND sending_at IS NOT DISTINCT FROM ${claim.claimedAt}::timestamptz`;
  return changed === 1;
}

/**
 * SENDING → PLANNED, so the next run of the job claims it again. `refundAttempt` for a 429: the
 * platform asked us to wait, which is not a failed attempt.
 */
export async function releaseDelivery(
  tx: Tx,
  claim: HeldClaim,
  options: { error: string | null; refundAttempt?: boolean },
): Promise<boolean> {
  const refund = options.refundAttempt ? 1 : 0;
  const changed = await execute(tx)`
    UPDATE reminder_delivery
    SET status = 'PLANNED', sending_at = NULL, left_at = NULL, error = ${options.error}, attempts = GREATEST(attempts - ${refund}, 0)
    WHERE id = ${claim.id}::uuid AND status = 'SENDING'
      AND sending_at IS NOT DISTINCT FROM ${claim.claimedAt}::timestamptz`;
  return changed === 1;
}

/**
 * SENDING since before `staleBefore` with its request out (`left_at` set) → SENT with `reason`: the
 * worker that claimed it stopped after the request left and before recording the answer. It is
 * never sent again.
 */
export async function abandonStaleDelivery(
  tx: Tx,
  deliveryId: string,
  staleBefore: Date,
  reason: string,
): Promise<boolean> {
  const changed = await execute(tx)`
    UPDATE reminder_delivery SET status = 'SENT', error = ${reason}, sent_at = left_at
    WHERE id = ${deliveryId}::uuid AND status = 'SENDING' AND left_at IS NOT NULL
      AND sending_at < ${staleBefore}::timestamptz`;
  return changed === 1;
}

/**
 * SENDING since before `staleBefore` and its request never out (`left_at` null): the worker that
 * claimed it stopped before sending. Claims it again for this worker (as {@link claimDeliveries}).
 */
export async function reclaimStaleDelivery(
  tx: Tx,
  deliveryId: string,
  staleBefore: Date,
  now: Date,
): Promise<ReminderTarget | null> {
  const rows = await sql<TargetRow>(tx)`
    WITH c AS (
      UPDATE reminder_delivery SET sending_at = ${now}::timestamptz, attempts = attempts + 1
      WHERE id = ${deliveryId}::uuid AND status = 'SENDING' AND left_at IS NULL
        AND sending_at < ${staleBefore}::timestamptz
      RETURNING id, person_id, date, slot, attempts, sending_at)
    ${TARGET_SELECT}`;
  return rows[0] ? toTarget(rows[0]) : null;
}

/** The statement that records a claimed row's request as out; written in the same step as the request. */
export const MARK_LEFT_SQL = `UPDATE reminder_delivery SET left_at = $2::timestamptz
  WHERE id = $1::uuid AND status = 'SENDING' AND sending_at IS NOT DISTINCT FROM $3::timestamptz`;
