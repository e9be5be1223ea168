import { ConfigError, loadConfig } from "./config.ts";

// `npm start` runs this before its setup steps: a wrong configuration is reported in full (every problem,
// no value echoed) before a setup step could fail on one of its parts.
try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
