/**
 * Shared plumbing of the benchmarks: their own database (DATABASE_URL's name + a suffix, prepared by
 * the same setup as the product), percentiles, and starting the product as a separate process.
 */
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_DATABASE_URL, databaseName, withDatabase } from "../scripts/lib/database-url.mjs";

export const root = resolve(import.meta.dirname, "..");

/** Reads an env var of the benchmark itself (the product's own config is parsed in src/config.ts). */
export function benchEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

export function benchDatabaseUrl(suffix: string): string {
  const base = benchEnv("DATABASE_URL") ?? DEFAULT_DATABASE_URL;
  return withDatabase(base, `${databaseName(base)}_${suffix}`);
}

/** Creates and migrates the benchmark's database like `npm start` does for the product's. */
export function prepareDatabase(url: string): void {
  const result = spawnSync(process.execPath, ["scripts/setup.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error("preparing the benchmark database failed");
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function intArg(name: string, fallback: number): number {
  const flag = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = flag ? Number(flag.split("=")[1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

export interface StartedProcess {
  url: string;
  /** Peak resident set size so far in MB (Linux `VmHWM`), or null where /proc is not there */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/** Starts `src/main.ts` with the given environment and waits until it listens. */
export function startProduct(env: Record<string, string>): Promise<StartedProcess> {
  return startScript("src/main.ts", env);
}

/** Starts a TypeScript entry point as its own process and waits until it prints "listening on <url>". */
export async function startScript(script: string, env: Record<string, string>): Promise<StartedProcess> {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the started process.
  const nodeArgs = benchEnv("BENCH_NODE_ARGS")?.split(" ") ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/(?:localhost|127\.0\.0\.1):\d+)/.exec(output);
      if (match) resolveUrl(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`product exited with ${code}`)));
  });
  return {
    url,
    peakRssMb: () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
        return kb ? Math.round(Number(kb) / 1024) : null;
      } catch {
        return null;
      }
    },
    stop: () =>
      new Promise<void>((done) => {
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
