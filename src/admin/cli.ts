/**
 * Admin CLI (SPEC section 3): `npm run admin -- <command>`.
 * Exit code 0 on success, 1 with row-level errors (printed on stderr), 2 on wrong usage.
 */
import { parseArgs } from "node:util";
import { fetchBotUsername } from "../../adapters/telegram/bot-username.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { createDb } from "../db/client.ts";
import { createLogger } from "../logger.ts";
import { runDelegate } from "./delegate-command.ts";
import { runExport } from "./export-command.ts";
import { exportEvidenceLinks } from "./export-evidence-links.ts";
import { runExportPenilaian } from "./export-penilaian-command.ts";
import { runExportSurvei } from "./export-survei-command.ts";
import { importFiles } from "./import/import-files.ts";
import { runLinkCodes } from "./link-codes-command.ts";
import { seedDemo } from "./seed-demo.ts";
import { runSurveiQr } from "./survei-qr-command.ts";

const USAGE = `Usage: npm run admin -- <command>
  import <file.csv|file.xlsx>... [--quiet]
  link-codes [--nip NIP]... [--unit KODE] [--all] [--days N] --out codes.csv
  export --month YYYY-MM [--unit KODE] --format csv|xlsx --out FILE
  export-penilaian --periode KODE [--unit KODE] --format csv|xlsx --out FILE
  survei-qr --unit KODE [--nip NIP] --out FILE.png|FILE.pdf
  export-survei --periode KODE [--unit KODE] --format csv|xlsx --out FILE
  delegate --from NIP --to NIP --start YYYY-MM-DD --end YYYY-MM-DD [--reason TEXT]
  seed-demo`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const db = createDb(config.databaseUrl, { poolSize: 4 });
  const io = { out: process.stdout, err: process.stderr };
  try {
    switch (command) {
      case "import": {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { quiet: { type: "boolean" } },
        });
        if (positionals.length === 0) return usage();
        const result = await importFiles(db, positionals, { now: new Date() });
        if (!result.ok) {
          for (const line of result.errors) io.err.write(`${line}\n`);
          io.err.write(`Nothing was imported: ${result.errors.length} error(s).\n`);
          return 1;
        }
        if (!values.quiet) io.out.write(`${result.summary}\n`);
        return 0;
      }
      case "link-codes":
        return await runLinkCodes({ db, config, io, now: new Date() }, rest);
      case "export": {
        const now = new Date();
        if (!config.publicUrl) {
          io.err.write(`export: PUBLIC_URL is not set; evidence links point at ${config.baseUrl}\n`);
        }
        return await runExport({ db, io, links: await exportEvidenceLinks(db, config, now) }, rest);
      }
      case "export-penilaian":
        return await runExportPenilaian({ db, io, now: new Date(), pola: config.pola }, rest);
      case "survei-qr":
        return await runSurveiQr(
          {
            db,
            config,
            io,
            botUsername: () => fetchBotUsername(config.telegram.botToken, config.telegram.apiRoot),
          },
          rest,
        );
      case "export-survei":
        return await runExportSurvei({ db, io }, rest);
      case "delegate":
        return await runDelegate({ db, io, now: new Date() }, rest);
      case "seed-demo":
        return await seedDemo({ db, io, now: new Date() });
      default:
        return usage();
    }
  } catch (error) {
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.err.write(`${error.message}\n`);
      return usage();
    }
    logger.error({ err: error }, "admin command failed");
    io.err.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

function usage(): number {
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
