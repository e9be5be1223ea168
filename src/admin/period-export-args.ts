import { parseArgs } from "node:util";
import type { Db } from "../db/client.ts";
import type { AdminIo } from "./io.ts";
import { unitWithDescendants } from "./unit-tree.ts";

/** `--periode KODE [--unit KODE] --format csv|xlsx --out FILE`, as the period exports take it. */
export interface PeriodExportArgs {
  periodCode: string;
  unitCode: string | undefined;
  format: "csv" | "xlsx";
  out: string;
}

/** The arguments, or the exit code (2, every problem written) when they are wrong. */
export function parsePeriodExportArgs(
  command: string,
  argv: string[],
  io: AdminIo,
): PeriodExportArgs | number {
  const { values } = parseArgs({
    args: argv,
    options: {
      periode: { type: "string" },
      unit: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
    },
  });
  const problems: string[] = [];
  const periodCode = values.periode?.trim();
  if (!periodCode) problems.push("--periode KODE is required");
  if (values.format !== "csv" && values.format !== "xlsx") problems.push("--format must be csv or xlsx");
  if (!values.out) problems.push("--out FILE is required");
  if (
    problems.length > 0 ||
    !periodCode ||
    !values.out ||
    (values.format !== "csv" && values.format !== "xlsx")
  ) {
    for (const p of problems) io.err.write(`${command}: ${p}\n`);
    return 2;
  }
  return { periodCode, unitCode: values.unit, format: values.format, out: values.out };
}

/**
 * The unit named by `--unit` and the units below it, undefined without `--unit` (every unit), or the exit code 1
 * (written) for an unknown unit.
 */
export async function selectedUnits(
  db: Db,
  command: string,
  unitCode: string | undefined,
  io: AdminIo,
): Promise<string[] | undefined | number> {
  if (!unitCode) return undefined;
  const unit = await db.unit.findUnique({ where: { code: unitCode } });
  if (!unit) {
    io.err.write(`${command}: --unit ${unitCode}: no such unit\n`);
    return 1;
  }
  return unitWithDescendants(db, unit.id);
}
