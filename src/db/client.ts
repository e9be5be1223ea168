import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createNotingPool, registerPool } from "./direct-sql.ts";

export type Db = PrismaClient;

/** Creates the Prisma client over node-postgres (no native query engine). */
export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  const pool = createNotingPool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = new PrismaClient({ adapter });
  registerPool(db, pool);
  return db;
}
