import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((path) => !path.startsWith("src/generated/"));
}

const IMPORT_PATTERN = /(?:\bfrom\s+|\bimport\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)["'`]([^"'`]+)["'`]/g;

/** Every module a file loads: `from "x"`, `import "x"`, `import("x")` and `require("x")`. */
const importsOf = (path: string) =>
  [...readFileSync(join(root, path), "utf8").matchAll(IMPORT_PATTERN)].map((m) => m[1]!);

/** The only core files that hold a Redis connection: the one that opens it, and the readiness probe. */
const REDIS_OWNERS = new Set(["src/redis.ts", "src/http/readiness.ts"]);

describe("the shape of the code (STYLE.md)", () => {
  it("keeps platform and queue libraries out of the core", () => {
    const offenders = sourceFiles("src").flatMap((path) =>
      importsOf(path)
        .filter(
          (module) =>
            /^(grammy|@grammyjs\/|@slack\/|bullmq)/.test(module) ||
            (/^ioredis/.test(module) && !REDIS_OWNERS.has(path)),
        )
        .map((module) => `${path} imports ${module}`),
    );
    expect(offenders).toEqual([]);
  });

  it("sees every way of loading a module", () => {
    const probe = join("test/unit", "architecture.test.ts");
    const loaded = importsOf(probe);
    expect(loaded).toEqual(expect.arrayContaining(["node:fs", "node:path", "vitest"]));
    const sample = `import "grammy"; await import("@slack/bolt"); require('bullmq'); import(\`ioredis\`);`;
    const found = [...sample.matchAll(IMPORT_PATTERN)].map((m) => m[1]);
    expect(found).toEqual(["grammy", "@slack/bolt", "bullmq", "ioredis"]);
  });

  it("lets only the composition root and the admin CLI reach into adapters/ and jobs/", () => {
    const wiring = new Set(["src/app.ts", "src/admin/cli.ts", "src/admin/link-codes-command.ts"]);
    const offenders = sourceFiles("src")
      .filter((path) => !wiring.has(path))
      .flatMap((path) =>
        importsOf(path)
          .filter((module) => /\/(adapters|jobs)\//.test(module))
          .map((module) => `${path} imports ${module}`),
      );
    expect(offenders).toEqual([]);
  });

  it("has jobs send through the outbound port, never a platform library", () => {
    const offenders = sourceFiles("jobs").flatMap((path) =>
      importsOf(path)
        .filter((module) => /^(grammy|@grammyjs\/|@slack\/)/.test(module))
        .map((module) => `${path} imports ${module}`),
    );
    expect(offenders).toEqual([]);
  });

  it("reads the environment in one place only", () => {
    const readers = [...sourceFiles("src"), ...sourceFiles("adapters"), ...sourceFiles("jobs")].filter(
      (path) => readFileSync(join(root, path), "utf8").includes("process.env"),
    );
    expect(readers).toEqual(["src/config.ts"]);
  });
});
