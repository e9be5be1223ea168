/**
 * Telegram runs a Bot API call given as the answer to its webhook POST (`{"method": ..., ...}`), which
 * spares the bot one HTTPS request. Its result is never known: a message or an edit Telegram failed to run
 * (a 429 at the peak, a 5xx) would be lost without a trace, no retry and no log. So only the answer to a
 * pressed button goes that way (`answerCallbackQuery`, the renderer's last call): a lost one leaves the
 * button's spinner until Telegram clears it. The webhook route opens a slot for each update it hands to
 * grammY; the renderer fills it.
 */

/** Takes the call as the webhook's answer; false when the answer has gone already (the call is made as usual). */
export type WebhookAnswer = (method: string, payload: Record<string, unknown>) => boolean;

const slots = new WeakMap<object, WebhookAnswer>();

export interface AnswerSlot {
  /** The call's JSON, once the renderer gave one */
  readonly body: string | undefined;
  /** No call can be taken any more (the route answers now) */
  close(): void;
}

/** Opens the slot for one update (the object grammY passes on as `ctx.update`). */
export function openAnswerSlot(update: object): AnswerSlot {
  let body: string | undefined;
  let open = true;
  slots.set(update, (method, payload) => {
    if (!open || body !== undefined) return false;
    body = JSON.stringify({ ...payload, method });
    return true;
  });
  return {
    get body() {
      return body;
    },
    close() {
      open = false;
      slots.delete(update);
    },
  };
}

/** The slot of the update a turn answers, if it came through the webhook. */
export function webhookAnswerOf(update: object): WebhookAnswer | undefined {
  return slots.get(update);
}
