/** The Prisma client inside the import transaction, and how long `IN (...)` lists may get. */
import type { Prisma } from "../../generated/prisma/client.ts";

export type Tx = Prisma.TransactionClient;

/** Keys per `IN (...)` list or rows per bulk insert: well below PostgreSQL's 65,535 bind parameters. */
const BATCH_SIZE = 5_000;

export function inBatches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/** UTC midnight of a local date "YYYY-MM-DD": how DATE columns travel through Prisma. */
export function dateColumn(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
