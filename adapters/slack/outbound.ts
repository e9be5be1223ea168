import type { webApi } from "@slack/bolt";
import { type OutboundSender, RateLimited, RecipientUnreachable } from "../../src/outbound/port.ts";
import { messageBlocks } from "./blocks.ts";

/** Slack errors that mean the person cannot be reached until something changes on their side. */
const UNREACHABLE = new Set([
  "channel_not_found",
  "user_not_found",
  "account_inactive",
  "user_disabled",
  "is_archived",
  "cannot_dm_bot",
  "not_in_channel",
]);

interface SlackApiError {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
}

/** The Slack side of the outbound port (a WebClient without its own retries: the queue retries). */
export function createSlackSender(client: webApi.WebClient): OutboundSender {
  return {
    async send(to, message) {
      try {
        const sent = await client.chat.postMessage({
          channel: to.address,
          text: message.text.slice(0, 3000),
          blocks: messageBlocks(message.text, message.choices),
        });
        return { messageId: sent.ts ?? "", chatId: sent.channel ?? to.address };
      } catch (error) {
        const e = error as SlackApiError;
        if (e.code === "slack_webapi_rate_limited_error") throw new RateLimited((e.retryAfter ?? 1) * 1000);
        const reason = e.data?.error;
        if (reason && UNREACHABLE.has(reason)) throw new RecipientUnreachable(reason);
        throw error;
      }
    },
    async edit(_to, sent, message) {
      try {
        await client.chat.update({
          channel: sent.chatId,
          ts: sent.messageId,
          text: message.text.slice(0, 3000),
          blocks: messageBlocks(message.text, message.choices),
        });
      } catch (error) {
        const e = error as SlackApiError;
        if (e.code === "slack_webapi_rate_limited_error") throw new RateLimited((e.retryAfter ?? 1) * 1000);
        const reason = e.data?.error;
        // The message was deleted or can no longer be edited: nothing to update.
        if (
          reason === "message_not_found" ||
          reason === "cant_update_message" ||
          reason === "edit_window_closed"
        )
          return;
        if (reason && UNREACHABLE.has(reason)) throw new RecipientUnreachable(reason);
        throw error;
      }
    },
    async publishHome(to, message) {
      await client.views.publish({
        user_id: to.address,
        view: { type: "home", blocks: messageBlocks(message.text, message.choices) },
      });
    },
  };
}
