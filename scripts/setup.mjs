#!/usr/bin/env node
import { spawnSync } from "node:child_process";
// Prepares a checkout to run: installs dependencies when missing or stale, generates the Prisma
// client, creates the database when absent, applies migrations and loads the national holidays.
// Uses only Node built-ins until the dependencies are in place. Every step is skipped when done.
//
//   node scripts/setup.mjs          the product's database (DATABASE_URL)
//   node scripts/setup.mjs --test   the test database (TEST_DATABASE_URL or DATABASE_URL + "_test"),
//                                   and Debian's Chromium for the browser test (CHROMIUM_PATH overrides)
//   node scripts/setup.mjs --no-db  dependencies and the Prisma client only (image builds)
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_DATABASE_URL, databaseName, testDatabaseUrl, withDatabase } from "./lib/database-url.mjs";

const root = resolve(import.meta.dirname, "..");
const forTests = process.argv.includes("--test");
const withoutDatabase = process.argv.includes("--no-db");
const databaseUrl = forTests ? testDatabaseUrl() : process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

const say = (line) => process.stdout.write(`[setup] ${line}\n`);
const fail = (line) => {
  process.stderr.write(`[setup] ${line}\n`);
  process.exit(1);
};
const sha256 = (text) => createHash("sha256").update(text).digest("hex");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  return result.status ?? 1;
}

function ensureDependencies() {
  const stamp = join(root, "node_modules/.kinerja-lock-hash");
  const lockHash = sha256(readFileSync(join(root, "package-lock.json"), "utf8"));
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === lockHash) return;
  say("installing dependencies (npm ci)");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  if (run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"]) !== 0) fail("npm ci failed");
  writeFileSync(stamp, lockHash);
}

async function ensureClient() {
  const { runPrisma } = await import("./lib/prisma-cli.mjs");
  const stamp = join(root, "src/generated/.schema-hash");
  const schemaHash = sha256(readFileSync(join(root, "prisma/schema.prisma"), "utf8"));
  if (existsSync(join(root, "src/generated/prisma/client.ts")) && existsSync(stamp)) {
    if (readFileSync(stamp, "utf8") === schemaHash) return runPrisma;
  }
  say("generating the Prisma client");
  if (runPrisma(["generate"], { quiet: true }) !== 0) fail("prisma generate failed");
  mkdirSync(join(root, "src/generated"), { recursive: true });
  writeFileSync(stamp, schemaHash);
  return runPrisma;
}

async function ensureDatabase() {
  const { default: pg } = await import("pg");
  const name = databaseName(databaseUrl);
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, "postgres") });
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.connect();
      break;
    } catch (error) {
      if (attempt >= 10) fail(`PostgreSQL at ${new URL(databaseUrl).host} does not answer: ${error.message}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) {
      say(`creating database ${name}`);
      await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await admin.end();
  }
}

function migrationsHash() {
  const dir = join(root, "prisma/migrations");
  return sha256(readdirSync(dir, { recursive: true }).map(String).sort().join("\n"));
}

/** The browser test drives Debian's Chromium: Playwright cannot download its own browser here. */
function ensureChromium() {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(path)) return;
  if (process.env.CHROMIUM_PATH) fail(`CHROMIUM_PATH ${path} does not exist`);
  say("installing Debian's chromium for the browser test (apt-get)");
  // As root directly; otherwise through sudo when it needs no password.
  const prefix = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
  const apt = (...args) =>
    run(prefix[0] ?? "env", [
      ...prefix.slice(1),
      ...(prefix.length ? ["env"] : []),
      "DEBIAN_FRONTEND=noninteractive",
      "apt-get",
      ...args,
    ]);
  if (apt("update", "-qq") !== 0 || apt("install", "-y", "-qq", "chromium") !== 0)
    fail("could not install chromium: run `apt-get install -y chromium` as root, or set CHROMIUM_PATH");
}

/** The product's configuration first, so that one message names every problem (src/config-check.ts). */
function checkConfiguration() {
  if (run(process.execPath, ["--import", "tsx", "src/config-check.ts"]) !== 0) process.exit(1);
}

async function main() {
  ensureDependencies();
  if (!forTests && !withoutDatabase) checkConfiguration();
  if (forTests) ensureChromium();
  const runPrisma = await ensureClient();
  if (withoutDatabase) return;
  await ensureDatabase();
  if (runPrisma(["migrate", "deploy"], { databaseUrl, quiet: true }) !== 0)
    fail("applying migrations failed");
  say(`database ${databaseName(databaseUrl)} is migrated (${migrationsHash().slice(0, 8)})`);
  const holidays = join(root, "prisma/data/libur-nasional-2026.csv");
  const status = run(
    process.execPath,
    ["--import", "tsx", "src/admin/cli.ts", "import", holidays, "--quiet"],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    },
  );
  if (status !== 0) fail("loading the national holidays failed");
}

await main();
