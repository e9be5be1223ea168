import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createNotingPool, registerPool } from "./direct-sql.ts";

export type Db = PrismaClient;

/** Creates the Prisma client over node-postgres (no native query engine). */
export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  // UTC sessions: Prisma's adapter sends and reads instants without their offset, the direct statements
  // with it (src/db/direct-sql.ts); only in UTC do both mean the same instant.
  const pool = createNotingPool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    options: "-c TimeZone=UTC",
  });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PrismaClient({ adapter });
  registerPool(db, pool);
  return db;
}
