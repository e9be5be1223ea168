/**
 * The product as `src/main.ts` runs it (configuration from the environment, src/app.ts startApp, stop
 * on SIGTERM/SIGINT), with one test seam: APP_CLOCK_OFFSET_MS shifts the clock to the instant under
 * test while it runs at real speed. For the fault tests, which kill the services under a real process.
 * Prints "listening on <url>" (web role) and "started" once it runs.
 */
import { startApp } from "../../src/app.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { onTerminationSignal } from "../../src/lifecycle.ts";
import { createLogger } from "../../src/logger.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const offsetMs = Number(process.env.APP_CLOCK_OFFSET_MS ?? "0");
const logger = createLogger(config.logLevel);
const app = await startApp(config, logger, {
  clock: () => new Date(Date.now() + offsetMs),
  unitCacheTtlMs: 0,
});
if (app.url) process.stdout.write(`listening on ${app.url}\n`);
process.stdout.write("started\n");

onTerminationSignal(async () => {
  const inTime = await app.close();
  process.exit(inTime ? 0 : 1);
});
