import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The instant a platform request leaves the process. A sender that can pin it down (its HTTP client
 * holds the request until its socket is connected, then writes it whole in one synchronous step) calls
 * the listener right before that write; the caller of {@link whenRequestLeaves} acts inside that
 * callback, so nothing runs between its action and the request reaching the kernel. The reminder
 * worker marks the reminder as out there (see reminder-left-marks.ts).
 */
const listeners = new AsyncLocalStorage<() => void>();

/** Runs `send`; `onLeaving` is called once, synchronously, right before its request is written. */
export function whenRequestLeaves<T>(onLeaving: () => void, send: () => Promise<T>): Promise<T> {
  let called = false;
  return listeners.run(() => {
    if (called) return;
    called = true;
    onLeaving();
  }, send);
}

/**
 * The listener of the send under way, if any. Read it when the request starts (a socket event does not
 * run in the sender's context) and call it right before the request is written.
 */
export function requestLeavingListener(): (() => void) | undefined {
  return listeners.getStore();
}
