/**
 * Work the process accepted and still owes an answer for (a Slack turn after its ack): shutdown waits
 * for it after the HTTP server stops taking new requests and before the workers and stores close.
 */
export interface InFlight {
  /** Keeps `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once nothing is in flight (work started while draining is waited for too). */
  drain(): Promise<void>;
  readonly size: number;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return work;
    },
    async drain() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    get size() {
      return pending.size;
    },
  };
}
