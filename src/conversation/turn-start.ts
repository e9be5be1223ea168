import { sql } from "../db/direct-sql.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { type StoredState, storedStateOf } from "./state-store.ts";
import type { LocaleCode, PlatformName } from "./types.ts";

type Tx = Prisma.TransactionClient;

export interface AccountRow {
  id: string;
  address: string;
  reachable: boolean;
  personId: string;
  name: string;
  unitId: string;
  locale: LocaleCode | null;
  active: boolean;
}

export interface TurnStart {
  /** false: the platform's event was handled before (a redelivery); nothing else is to be done */
  fresh: boolean;
  account: AccountRow | undefined;
  stored: StoredState;
}

interface Row {
  fresh: boolean;
  accountId: string | null;
  address: string | null;
  reachable: boolean | null;
  personId: string | null;
  name: string | null;
  unitId: string | null;
  locale: LocaleCode | null;
  active: boolean | null;
  flow: string | null;
  step: string | null;
  data: unknown;
  version: number | null;
  expiresAt: Date | null;
}

/**
 * What every turn reads first, in one statement and one round trip (it runs on every message): the event
 * key claimed (`processed_event`, so a redelivered update is handled once), the chat account with its person,
 * and the dialog state. A key another transaction is inserting makes the statement wait for it, as the
 * single INSERT did; without a key (events the platform does not number) the turn is always fresh.
 * The reads see the database as the statement began: after such a wait (a redelivery racing its own first
 * delivery, which then rolled back) the dialog state may be older than another turn's write during the wait;
 * a turn that writes the state catches that as a version conflict and is replayed.
 */
export async function startTurn(
  tx: Tx,
  input: { platform: PlatformName; externalId: string; eventKey: string | undefined; now: Date },
): Promise<TurnStart> {
  const { platform, externalId } = input;
  const key = input.eventKey ?? null;
  const rows = await sql<Row>(tx)`
    WITH claimed AS (
      INSERT INTO processed_event (key, platform)
      SELECT ${key}::text, ${platform}::"Platform" WHERE ${key}::text IS NOT NULL
      ON CONFLICT (key) DO NOTHING
      RETURNING 1
    ),
    account AS (
      SELECT a.id::text AS "accountId", a.address, a.reachable, p.id::text AS "personId", p.name,
             p.unit_id::text AS "unitId", p.locale::text AS locale, p.active
      FROM platform_account a JOIN person p ON p.id = a.person_id
      WHERE a.platform = ${platform}::"Platform" AND a.external_id = ${externalId}
    ),
    state AS (
      SELECT flow, step, data, version, expires_at AS "expiresAt"
      FROM conversation_state WHERE platform = ${platform}::"Platform" AND external_id = ${externalId}
    )
    SELECT (${key}::text IS NULL OR EXISTS (SELECT 1 FROM claimed)) AS fresh, account.*, state.*
    FROM (SELECT 1) AS one LEFT JOIN account ON true LEFT JOIN state ON true`;
  const row = rows[0];
  if (!row) throw new Error("the turn's first statement returned no row");
  const account: AccountRow | undefined =
    row.accountId !== null
      ? {
          id: row.accountId,
          address: row.address ?? "",
          reachable: row.reachable === true,
          personId: row.personId ?? "",
          name: row.name ?? "",
          unitId: row.unitId ?? "",
          locale: row.locale,
          active: row.active === true,
        }
      : undefined;
  const stored = storedStateOf(
    row.flow !== null && row.step !== null && row.version !== null && row.expiresAt !== null
      ? { flow: row.flow, step: row.step, data: row.data, version: row.version, expiresAt: row.expiresAt }
      : undefined,
    input.now,
  );
  return { fresh: row.fresh, account, stored };
}
