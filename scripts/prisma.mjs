#!/usr/bin/env node
// `npm run prisma -- migrate dev --name x`: the Prisma CLI with this machine's workarounds applied.
import { runPrisma } from "./lib/prisma-cli.mjs";

process.exit(runPrisma(process.argv.slice(2)));
