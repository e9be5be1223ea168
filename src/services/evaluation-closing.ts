import { addDays } from "../domain/local-date.ts";
import type { Tx } from "./db-types.ts";

/** The audit action written for each result the scheduler makes final. */
export const EVALUATION_FINAL_ACTION = "evaluation.final";

/**
 * Results nobody objected to become final once the objection window is over (SPEC section 12, issue 12
 * item 5): every `evaluation` row still DINILAI whose `objection_until` (the last day the employee may
 * object) is before today in the person's unit zone → FINAL, `final_at` = `now`, version + 1 (a rater's
 * change based on the version they saw is then refused), and one `audit_log` row per result
 * (`evaluation.final`, via `scheduler`), all in one statement. A row under objection (KEBERATAN) is left
 * to the decision. Cheap on every tick: the index on (status, objection_until) bounds the scan to rows
 * due (no zone's today is later than the UTC date + 1). Two schedulers at once close a row once: the
 * second update waits for the first's row lock, then finds it no longer DINILAI. Returns the rows closed.
 */
export async function closeExpiredEvaluations(tx: Tx, now: Date): Promise<number> {
  const latestToday = addDays(now.toISOString().slice(0, 10), 1);
  const rows = await tx.$queryRaw<{ closed: number }[]>`
    WITH closed AS (
      UPDATE evaluation e
      SET status = 'FINAL', final_at = ${now}::timestamptz, updated_at = ${now}::timestamptz,
          version = e.version + 1
      FROM person p JOIN unit u ON u.id = p.unit_id
      WHERE e.status = 'DINILAI' AND e.objection_until < ${latestToday}::date
        AND p.id = e.person_id
        AND e.objection_until < (${now}::timestamptz AT TIME ZONE u.time_zone)::date
      RETURNING e.id, e.person_id, e.period_code, e.objection_until, e.version
    ),
    audited AS (
      INSERT INTO audit_log (id, at, actor_id, via, action, entity, entity_id, detail)
      SELECT gen_random_uuid(), ${now}::timestamptz, NULL, 'scheduler', ${EVALUATION_FINAL_ACTION},
             'evaluation', c.id::text,
             jsonb_build_object('personId', c.person_id::text, 'periodCode', c.period_code,
                                'objectionUntil', to_char(c.objection_until, 'YYYY-MM-DD'),
                                'version', c.version)
      FROM closed c
      RETURNING 1
    )
    SELECT count(*)::int AS closed FROM audited`;
  return rows[0]?.closed ?? 0;
}
