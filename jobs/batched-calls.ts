/**
 * Many single calls made at about the same time become one call for all of them (a group commit): the
 * first call opens a window of `windowMs`; when it closes, or once `maxBatch` keys wait, `run` gets
 * every key waiting. Each caller gets the result for its key, or the batch's error.
 *
 * The reminder worker claims and settles its rows this way: with dozens of jobs in flight, one SQL
 * statement for a handful of rows costs PostgreSQL (and Prisma) little more than one for a single row.
 */
export function batchCalls<V>(
  run: (keys: string[]) => Promise<ReadonlyMap<string, V>>,
  options: { windowMs: number; maxBatch: number },
): (key: string) => Promise<V> {
  type Caller = { resolve: (value: V) => void; reject: (error: unknown) => void };
  let waiting = new Map<string, Caller[]>();
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = new Map();
    run([...batch.keys()]).then(
      (results) => {
        for (const [key, callers] of batch) {
          const found = results.has(key);
          for (const caller of callers) {
            if (found) caller.resolve(results.get(key) as V);
            else caller.reject(new Error(`no result for ${key}`));
          }
        }
      },
      (error: unknown) => {
        for (const callers of batch.values()) for (const caller of callers) caller.reject(error);
      },
    );
  }

  return (key) =>
    new Promise<V>((resolve, reject) => {
      const callers = waiting.get(key) ?? [];
      callers.push({ resolve, reject });
      waiting.set(key, callers);
      if (waiting.size >= options.maxBatch) flush();
      else timer ??= setTimeout(flush, options.windowMs);
    });
}
