import type { Prisma } from "../generated/prisma/client.ts";

/** A Prisma client or an open transaction: services run inside the caller's transaction. */
export type Tx = Prisma.TransactionClient;

/** Prisma DATE columns come back as UTC midnight; the domain speaks "YYYY-MM-DD". */
export const toLocalDate = (date: Date): string => date.toISOString().slice(0, 10);
export const fromLocalDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
