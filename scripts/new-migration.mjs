#!/usr/bin/env node
// `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// turns the committed schema (git HEAD) into the working copy's. `prisma migrate dev` needs a shadow database,
// which Prisma 6.19's WebAssembly schema engine fails to use here; a schema-to-schema diff needs none.
// Apply it with `npm run setup` (or `npm start` / `npm test`, which run `migrate deploy`).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { prismaEnv } from "./lib/prisma-cli.mjs";

const root = resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("usage: npm run db:migration -- <name_in_snake_case>\n");
  process.exit(2);
}
const committed = join(mkdtempSync(join(tmpdir(), "schema-")), "schema.prisma");
writeFileSync(committed, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));
const diff = spawnSync(
  process.execPath,
  [
    join(root, "node_modules/prisma/build/index.js"),
    "migrate",
    "diff",
    "--from-schema-datamodel",
    committed,
    "--to-schema-datamodel",
    join(root, "prisma/schema.prisma"),
    "--script",
  ],
  { cwd: root, env: prismaEnv(), encoding: "utf8" },
);
const sql = diff.stdout.slice(Math.max(0, diff.stdout.indexOf("-- ")));
if (sql.startsWith("-- This is an empty migration")) {
  process.stderr.write("prisma/schema.prisma has no change against git HEAD: nothing to write\n");
  process.exit(1);
}
if (diff.status !== 0 || !sql.startsWith("-- ")) {
  process.stderr.write(`${diff.stderr || diff.stdout || "no schema change"}\n`);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), sql);
process.stdout.write(`wrote ${join("prisma/migrations", `${stamp}_${name}`, "migration.sql")}\n`);
