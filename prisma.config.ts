/**
 * Prisma CLI configuration (migrate, generate). Runs the schema engine as WebAssembly through the
 * pg driver adapter, because the native engine cannot be downloaded on our machines (TOOLCHAIN.md).
 * Nothing here is used by the running product.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/kinerja";
const TEXT_OID = 25;
// PostgreSQL catalog types the adapter cannot map (prisma/orm#27403): name, "char", regproc,
// pg_node_tree, regclass, int2vector, oidvector, aclitem, name[]. Presented to the schema engine as text.
const CATALOG_OIDS_AS_TEXT = new Set([18, 19, 22, 24, 30, 194, 1033, 2205]);
const NAME_ARRAY_OID = 1003;
const TEXT_ARRAY_OID = 1009;

type Field = { dataTypeID: number };
type Queryable = { performIO(query: unknown): Promise<{ fields: Field[] }> };

let patched = false;
function presentCatalogTypesAsText(adapter: object): void {
  if (patched) return;
  let proto: object | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) return;
  const target = proto as Queryable;
  const original = target.performIO;
  target.performIO = async function (this: Queryable, query: unknown) {
    const result = await original.call(this, query);
    for (const field of result.fields) {
      if (CATALOG_OIDS_AS_TEXT.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      else if (field.dataTypeID === NAME_ARRAY_OID) field.dataTypeID = TEXT_ARRAY_OID;
    }
    return result;
  };
  patched = true;
}

/**
 * Discrete fields rather than a URL: for `migrate dev` the adapter opens the shadow database with
 * `{ ...config, database }`, and pg lets a connectionString win over `database`, which would point the
 * shadow pool at the real database.
 */
function connectionFields(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || "postgres",
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
  };
}

type ScriptRunner = { executeScript(script: string): Promise<void> };

/**
 * adapter-pg 6.19 drops the shadow database before closing the pool that still uses it, so the drop
 * fails ("being accessed by other users"); dropping it WITH (FORCE) (PostgreSQL 13+) ends those sessions.
 */
function dropShadowDatabasesForcibly(adapter: object): void {
  const target = adapter as ScriptRunner;
  const original = target.executeScript.bind(target);
  target.executeScript = (script: string) =>
    original(script.replace(/^(DROP DATABASE "prisma_migrate_shadow_db_[0-9a-f-]+")$/, "$1 WITH (FORCE)"));
}

class CatalogSafePrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    presentCatalogTypesAsText(adapter);
    dropShadowDatabasesForcibly(adapter);
    return adapter;
  }
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    presentCatalogTypesAsText(adapter);
    // The forced drop above ends this pool's sessions; without a listener pg would crash the CLI.
    (adapter as unknown as { client?: { on(event: "error", listener: () => void): void } }).client?.on(
      "error",
      () => {},
    );
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () =>
    new CatalogSafePrismaPg(connectionFields(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL)),
});
