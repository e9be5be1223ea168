import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The instant a platform request has been handed to the operating system. A sender that can observe
 * it (its HTTP client says when the request's last byte went to the socket) calls
 * {@link requestWritten}; the caller of {@link whenRequestWritten} learns it inside the same callback,
 * before anything else runs. The reminder worker commits its claim there (see reminder-claim.ts).
 */
const listeners = new AsyncLocalStorage<() => void>();

/** Runs `send`; `onWritten` is called once, synchronously, when its request has been written. */
export function whenRequestWritten<T>(onWritten: () => void, send: () => Promise<T>): Promise<T> {
  let called = false;
  return listeners.run(() => {
    if (called) return;
    called = true;
    onWritten();
  }, send);
}

/**
 * The listener of the send under way, if any. Read it when the request starts (the context of a
 * socket event is not the sender's) and call it when the request has been written.
 */
export function requestWrittenListener(): (() => void) | undefined {
  return listeners.getStore();
}
