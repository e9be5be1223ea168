import { parseArgs } from "node:util";
import type { Db } from "../db/client.ts";
import { parseDateInput } from "../domain/date-input.ts";
import { daysFromTo } from "../domain/local-date.ts";
import { normalizeNip } from "../domain/nip.ts";
import { fromLocalDate } from "../services/db-types.ts";
import type { AdminIo } from "./io.ts";

const MAX_DAYS = 366;

/**
 * `delegate --from NIP --to NIP --start YYYY-MM-DD --end YYYY-MM-DD [--reason TEXT]`: the supervisor
 * `--from` hands their team to `--to` for the dates given (inclusive), e.g. during leave (Plh).
 * The delegate may then review, approve and give feedback for that team on those dates.
 */
export async function runDelegate(
  { db, io, now }: { db: Db; io: AdminIo; now: Date },
  argv: string[],
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      reason: { type: "string" },
    },
  });
  const problems: string[] = [];
  const today = now.toISOString().slice(0, 10);
  const start = values.start ? parseDateInput(values.start, today) : null;
  const end = values.end ? parseDateInput(values.end, today) : null;
  if (!values.from) problems.push("--from NIP is required");
  if (!values.to) problems.push("--to NIP is required");
  if (!start) problems.push("--start must be a date YYYY-MM-DD");
  if (!end) problems.push("--end must be a date YYYY-MM-DD");
  if (start && end && end < start) problems.push("--end must not be before --start");
  if (start && end && daysFromTo(start, end) >= MAX_DAYS)
    problems.push(`a delegation lasts at most ${MAX_DAYS} days`);
  if (problems.length > 0 || !values.from || !values.to || !start || !end) {
    for (const p of problems) io.err.write(`delegate: ${p}\n`);
    return 2;
  }
  const [from, to] = await Promise.all(
    [values.from, values.to].map((nip) =>
      db.person.findUnique({
        where: { nip: normalizeNip(nip) },
        select: { id: true, name: true, active: true },
      }),
    ),
  );
  if (!from?.active) problems.push(`--from ${values.from}: no active person with this NIP`);
  if (!to?.active) problems.push(`--to ${values.to}: no active person with this NIP`);
  if (from && to && from.id === to.id) problems.push("--from and --to are the same person");
  if (problems.length > 0 || !from || !to) {
    for (const p of problems) io.err.write(`delegate: ${p}\n`);
    return 1;
  }
  const delegation = await db.$transaction(async (tx) => {
    const created = await tx.delegation.create({
      data: {
        fromId: from.id,
        toId: to.id,
        validFrom: fromLocalDate(start),
        validTo: fromLocalDate(end),
        reason: values.reason ?? null,
      },
    });
    await tx.auditLog.create({
      data: {
        via: "ADMIN_CLI",
        action: "delegation.created",
        entity: "delegation",
        entityId: created.id,
        detail: { fromId: from.id, toId: to.id, start, end },
      },
    });
    return created;
  });
  io.out.write(
    `Delegation ${delegation.id}: the team of ${from.name} goes to ${to.name} from ${start} to ${end}.\n`,
  );
  return 0;
}
