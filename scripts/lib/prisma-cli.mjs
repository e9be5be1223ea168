// Runs the Prisma CLI the way this project needs it (see ../shared/TOOLCHAIN.md): the JS schema engine
// from prisma.config.ts, and placeholder paths for native engines that cannot be downloaded here.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");
const placeholder = join(root, "scripts/prisma-engine-placeholder");

function hasNativeEngines() {
  const dir = join(root, "node_modules/@prisma/engines");
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((f) => f.startsWith("schema-engine-") || f.startsWith("libquery_engine"));
}

export function prismaEnv(databaseUrl) {
  const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_SKIP_POSTINSTALL_GENERATE: "1" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (!hasNativeEngines()) {
    env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
    env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
  }
  return env;
}

/** Runs `prisma <args>`; returns the exit code. Output goes to ours unless quiet. */
export function runPrisma(args, { databaseUrl, quiet = false } = {}) {
  const bin = join(root, "node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env: prismaEnv(databaseUrl),
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
  if (quiet && result.status !== 0) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
  return result.status ?? 1;
}
