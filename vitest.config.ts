import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests get their own database per file (test/support/database.ts).
    env: { LOG_LEVEL: "silent" },
  },
});
