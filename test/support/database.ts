import { randomBytes } from "node:crypto";
import pg from "pg";
import { databaseName, testDatabaseUrl, withDatabase } from "../../scripts/lib/database-url.mjs";
import { createDb, type Db } from "../../src/db/client.ts";

/**
 * A fresh database for one test file, copied from the migrated test database that `npm test`
 * prepares (scripts/setup.mjs --test). Files never share data, so they can run in parallel.
 */
export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

const templateUrl = testDatabaseUrl();

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(templateUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${databaseName(templateUrl)}_f_${randomBytes(5).toString("hex")}`;
  await withAdmin(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${databaseName(templateUrl)}"`);
        return;
      } catch (error) {
        // Two files copying the template at the same instant: PostgreSQL refuses one; try again.
        if (attempt >= 20 || !String(error).includes("being accessed by other users")) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
  const url = withDatabase(templateUrl, name);
  const db = createDb(url, { poolSize: 5 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
