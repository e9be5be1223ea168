import { SimulatorRefused } from "./admin/demo-only-database.ts";
import { startApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { onTerminationSignal } from "./lifecycle.ts";
import { createLogger } from "./logger.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
let app: Awaited<ReturnType<typeof startApp>>;
try {
  app = await startApp(config, logger);
} catch (error) {
  if (!(error instanceof SimulatorRefused)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
logger.info(
  { roles: [...config.roles], url: app.url, telegram: config.telegram.mode, slack: config.slack.mode },
  "kinerja-bot started",
);
if (app.url) {
  const port = new URL(app.url).port;
  process.stdout.write(
    `kinerja-bot is listening on http://localhost:${port} (roles: ${[...config.roles].join(", ")})\n`,
  );
}
if (app.simulatorUrl) {
  process.stdout.write(
    `\nNo Telegram or Slack credentials: the local simulator is running.\n  Open ${app.simulatorUrl}\n\n`,
  );
}
if (config.simulator && !(config.roles.has("web") && config.roles.has("worker"))) {
  process.stdout.write(
    "No Telegram or Slack credentials, but the simulator needs the web and worker roles in this one process (ROLES=web,worker,scheduler).\n",
  );
}

onTerminationSignal(async (signal) => {
  logger.info({ signal }, "shutting down");
  const inTime = await app.close();
  process.exit(inTime ? 0 : 1);
});
