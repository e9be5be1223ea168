import type { Db } from "../db/client.ts";

/** The unit and every unit below it (one recursive query). */
export async function unitWithDescendants(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM unit WHERE id = ${unitId}::uuid
      UNION ALL
      SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id
    )
    SELECT id::text AS id FROM tree`;
  return rows.map((r) => r.id);
}
