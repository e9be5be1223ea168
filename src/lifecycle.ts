import type { Logger } from "./logger.ts";

/** Something to close on shutdown, in the order given (stop intake first, then workers, then stores). */
export interface Closer {
  name: string;
  close(): Promise<void>;
}

/**
 * Closes everything in order, but never longer than `timeoutMs` in all: a hung close (for example
 * a BullMQ worker while Redis is unreachable) must not keep the process alive forever.
 * Resolves true when everything closed in time.
 */
export async function closeAll(
  closers: readonly Closer[],
  timeoutMs: number,
  logger: Logger,
): Promise<boolean> {
  let current = "";
  const sequence = (async () => {
    for (const closer of closers) {
      current = closer.name;
      try {
        await closer.close();
      } catch (error) {
        logger.warn({ err: error, closer: closer.name }, "error while closing");
      }
    }
    return true;
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const inTime = await Promise.race([sequence, deadline]);
  clearTimeout(timer);
  if (!inTime) logger.error({ closer: current, timeoutMs }, "shutdown time limit reached");
  return inTime;
}

/** Runs `shutdown` once on the first SIGINT or SIGTERM; a second signal exits at once. */
export function onTerminationSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>): void {
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) process.exit(130);
    shuttingDown = true;
    void shutdown(signal);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
