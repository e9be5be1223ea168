import { Api, GrammyError, HttpError } from "grammy";
import {
  DeliveryUncertain,
  type OutboundSender,
  RateLimited,
  RecipientUnreachable,
} from "../../src/outbound/port.ts";
import { observedFetch } from "./observed-fetch.ts";
import { isNotModified, keyboardOf } from "./render.ts";

/** Telegram's answers that mean the chat cannot be reached again until the person acts. */
export function unreachableReason(error: GrammyError): string | null {
  if (error.error_code === 403) return "blocked";
  if (error.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(error.description)) {
    return "chat not found";
  }
  return null;
}

/**
 * The Telegram side of the outbound port. `signalsLeaving`: the Api's fetch reports the instant a
 * request leaves (observed-fetch.ts).
 */
export function createTelegramSender(api: Api, options: { signalsLeaving?: boolean } = {}): OutboundSender {
  return {
    signalsRequestLeaving: () => options.signalsLeaving ?? false,
    async edit(_to, sent, message) {
      try {
        await api.editMessageText(sent.chatId, Number(sent.messageId), message.text, {
          reply_markup: keyboardOf(message.choices) ?? { inline_keyboard: [] },
        });
      } catch (error) {
        if (isNotModified(error)) return;
        if (error instanceof GrammyError) {
          if (error.error_code === 429) throw new RateLimited((error.parameters.retry_after ?? 1) * 1000);
          // The message is gone or too old to edit: nothing to update.
          if (error.error_code === 400) return;
          const reason = unreachableReason(error);
          if (reason) throw new RecipientUnreachable(reason);
        }
        throw error;
      }
    },
    async send(to, message) {
      try {
        const markup = keyboardOf(message.choices);
        const sent = await api.sendMessage(to.address, message.text, markup ? { reply_markup: markup } : {});
        return { messageId: String(sent.message_id), chatId: String(sent.chat.id) };
      } catch (error) {
        if (error instanceof GrammyError) {
          if (error.error_code === 429) throw new RateLimited((error.parameters.retry_after ?? 1) * 1000);
          const reason = unreachableReason(error);
          if (reason) throw new RecipientUnreachable(reason);
        }
        if (error instanceof HttpError) throw new DeliveryUncertain(error.message);
        throw error;
      }
    },
  };
}

/**
 * The sender for proactive messages (queues): its own Api without auto-retry (the queue handles 429s
 * and retries), whose fetch reports the instant each request leaves (reminders are claimed then).
 */
export function createTelegramProactiveSender(token: string, apiRoot: string): OutboundSender {
  return createTelegramSender(new Api(token, { apiRoot, fetch: observedFetch as never }), {
    signalsLeaving: true,
  });
}
