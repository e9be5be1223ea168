import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, sql, transactionOnConnection } from "../../src/db/direct-sql.ts";
import { isDatabaseUnavailable } from "../../src/db/unavailable.ts";
import { Prisma } from "../../src/generated/prisma/client.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

/** SQL sent straight over a Prisma transaction's connection (src/db/direct-sql.ts). */
let database: TestDatabase;
const options = { maxWait: 5_000, timeout: 15_000 };

beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await database.drop();
});

const prepared = (tx: Parameters<typeof sql>[0]) =>
  sql<{ name: string }>(tx)`SELECT name FROM pg_prepared_statements WHERE name LIKE ${"k%"}`;

interface Typed {
  day: Date;
  at: Date;
  big: bigint;
  doc: unknown;
  list: string[];
  n: number;
  none: string | null;
}

const typedRow = (tx: Parameters<typeof sql>[0], at: Date) => sql<Typed>(tx)`
  SELECT DATE '2026-12-03' AS day, ${at}::timestamp(3) AS at, 9007199254740993::bigint AS big,
         '{"a":[1,"x"]}'::jsonb AS doc, ARRAY['p','q']::text[] AS list, 7::int AS n, NULL::text AS none`;

describe("SQL on a transaction's own connection", () => {
  it("runs as a prepared statement inside the transaction, and sees and undoes what Prisma wrote there", async () => {
    const { db } = database;
    const unit = await db.unit.create({ data: { code: "D1", name: "Unit", timeZone: "Asia/Jakarta" } });
    await expect(
      transactionOnConnection(
        db,
        async (tx) => {
          await tx.unit.update({ where: { id: unit.id }, data: { name: "Diubah" } });
          const seen = await sql<{ name: string }>(tx)`SELECT name FROM unit WHERE id = ${unit.id}::uuid`;
          expect(seen).toEqual([{ name: "Diubah" }]);
          expect(await execute(tx)`UPDATE unit SET code = ${"D2"} WHERE id = ${unit.id}::uuid`).toBe(1);
          // the statements above were prepared on this session: they did not go through Prisma
          expect((await prepared(tx)).length).toBeGreaterThanOrEqual(2);
          throw new Error("roll back");
        },
        options,
      ),
    ).rejects.toThrow("roll back");
    expect(await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).toMatchObject({
      name: "Unit",
      code: "D1",
    });
  });

  it("falls back to Prisma outside such a transaction, with the same result types", async () => {
    const { db } = database;
    const at = new Date("2026-12-03T01:02:03.456Z");
    const zone = process.env.TZ;
    // node-postgres writes a Date in the process's zone: far from UTC, a mistake would show.
    process.env.TZ = "Asia/Jayapura";
    try {
      const viaPrisma = await db.$transaction((tx) => typedRow(tx, at));
      const direct = await transactionOnConnection(db, (tx) => typedRow(tx, at), options);
      expect(direct).toEqual(viaPrisma);
      expect(direct[0]).toEqual({
        day: new Date("2026-12-03T00:00:00.000Z"),
        at,
        big: 9007199254740993n,
        doc: { a: [1, "x"] },
        list: ["p", "q"],
        n: 7,
        none: null,
      });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("gives each of two transactions at once its own connection", async () => {
    const { db } = database;
    const [a, b] = await Promise.all(
      ["A", "B"].map((code) =>
        transactionOnConnection(
          db,
          async (tx) => {
            await execute(tx)`CREATE TEMP TABLE mine (code text) ON COMMIT DROP`;
            await execute(tx)`INSERT INTO mine VALUES (${code})`;
            await new Promise((resolve) => setTimeout(resolve, 20));
            const pid = await sql<{ pid: number }>(tx)`SELECT pg_backend_pid() AS pid`;
            const rows = await sql<{ code: string }>(tx)`SELECT code FROM mine`;
            return { pid: pid[0]!.pid, codes: rows.map((r) => r.code) };
          },
          options,
        ),
      ),
    );
    expect(a!.codes).toEqual(["A"]);
    expect(b!.codes).toEqual(["B"]);
    expect(a!.pid).not.toBe(b!.pid);
  });

  it("refuses a statement after the transaction has ended", async () => {
    const { db } = database;
    let kept: Parameters<typeof sql>[0] | undefined;
    await transactionOnConnection(
      db,
      async (tx) => {
        kept = tx;
        await sql(tx)`SELECT 1 AS one`;
      },
      options,
    );
    await expect(sql(kept!)`SELECT 1 AS one`).rejects.toThrow(/ended/);
  });

  it("runs on the client's pool outside a transaction, and inside Prisma's own transaction stays in it", async () => {
    const { db } = database;
    const fragment = Prisma.sql`${2}::int * ${3}::int`;
    const viaPool = await sql<{ n: number }>(db)`SELECT ${1}::int + ${fragment} + ${Prisma.raw("4")} AS n`;
    expect(viaPool).toEqual([{ n: 11 }]);
    const unit = await db.unit.create({ data: { code: "D3", name: "Unit", timeZone: "Asia/Jakarta" } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.unit.update({ where: { id: unit.id }, data: { name: "Dalam transaksi" } });
        const inside = await sql<{ name: string }>(tx)`SELECT name FROM unit WHERE id = ${unit.id}::uuid`;
        const outside = await sql<{ name: string }>(db)`SELECT name FROM unit WHERE id = ${unit.id}::uuid`;
        expect(inside).toEqual([{ name: "Dalam transaksi" }]);
        expect(outside).toEqual([{ name: "Unit" }]);
        expect(await sql<{ n: number }>(tx)`SELECT ${1}::int + ${fragment} AS n`).toEqual([{ n: 7 }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
  });

  it("refuses a statement issued after Prisma gave up at its timeout, even while ROLLBACK waits its turn", async () => {
    const { db } = database;
    const unit = await db.unit.create({ data: { code: "D4", name: "Unit", timeZone: "Asia/Jakarta" } });
    let late: Promise<number> | undefined;
    const outcome = transactionOnConnection(
      db,
      async (tx) => {
        // Prisma's ROLLBACK at 200 ms queues behind this statement; the UPDATE comes after it.
        const slow = sql(tx)`SELECT pg_sleep(0.6)`;
        await new Promise((resolve) => setTimeout(resolve, 400));
        late = execute(tx)`UPDATE unit SET name = ${"Tanpa transaksi"} WHERE id = ${unit.id}::uuid`;
        await Promise.allSettled([slow, late]);
      },
      { maxWait: 5_000, timeout: 200 },
    );
    await expect(outcome).rejects.toThrow();
    await expect(late).rejects.toMatchObject({ name: "TransactionEnded", code: "P2028" });
    expect(isDatabaseUnavailable(await late!.catch((error: unknown) => error))).toBe(true);
    expect((await db.unit.findUniqueOrThrow({ where: { id: unit.id } })).name).toBe("Unit");
  });
});
