/**
 * Whether an error says the database could not be reached or dropped the connection (an outage or a
 * restart), rather than that the work itself went wrong. Work refused for this reason can be tried
 * again later unchanged; a Telegram update is then left to Telegram to deliver again.
 */

/** Prisma's codes for an unreachable server, a timeout, a closed connection, a pool wait and a dead transaction */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** Node's socket errors */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);
/** node-postgres' own words when the server goes away mid-connection (it has no code for them) */
const DRIVER_MESSAGES = [
  /Connection terminated/i,
  /connection timeout/i,
  /Client has encountered a connection error/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
];

function isSqlStateUnavailable(code: string): boolean {
  // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now (starting up,
  // recovering); 53300: too many connections.
  return /^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300";
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const record = error as Record<string, unknown>;
  const code = typeof record.code === "string" ? record.code : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isSqlStateUnavailable(code))) return true;
  const originalCode = typeof record.originalCode === "string" ? record.originalCode : undefined;
  if (originalCode && isSqlStateUnavailable(originalCode)) return true;
  const kind = typeof record.kind === "string" ? record.kind : undefined;
  if (
    kind &&
    ["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"].includes(kind)
  )
    return true;
  const message = typeof record.message === "string" ? record.message : "";
  if (DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
  const meta = record.meta as Record<string, unknown> | undefined;
  return (
    isDatabaseUnavailable(record.cause, depth + 1) ||
    isDatabaseUnavailable(meta?.driverAdapterError, depth + 1) ||
    (Array.isArray(record.errors) && record.errors.some((e) => isDatabaseUnavailable(e, depth + 1)))
  );
}
