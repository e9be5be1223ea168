import type { Choice, PlatformName } from "../conversation/types.ts";

/**
 * The one way proactive messages leave the product (reminders, review requests, decisions). Jobs use
 * this port and never a platform library; the adapter is chosen by the stored address's platform.
 */
export interface Address {
  platform: PlatformName;
  /** Telegram chat id; Slack channel or user id */
  address: string;
  teamId?: string | null;
}

export interface OutboundMessage {
  text: string;
  choices?: Choice[][];
}

export interface SentMessage {
  /** Platform message id (Telegram message_id; Slack ts) */
  messageId: string;
  chatId: string;
}

export interface OutboundSender {
  send(to: Address, message: OutboundMessage): Promise<SentMessage>;
  /** Replaces a message sent earlier (a review request once it is decided); a missing message is not an error. */
  edit?(to: Address, sent: SentMessage, message: OutboundMessage): Promise<void>;
  /** Replaces the person's home screen (Slack App Home); platforms without one leave it out. */
  publishHome?(to: Address, message: OutboundMessage): Promise<void>;
  /**
   * True when a send to this address reports the instant its request leaves the process
   * (request-leaving.ts); callers that need that instant otherwise act just before the send.
   */
  signalsRequestLeaving?(to: Address): boolean;
}

/** The person blocked the bot, left the workspace, or the chat does not exist: do not retry. */
export class RecipientUnreachable extends Error {
  constructor(readonly reason: string) {
    super(`recipient unreachable: ${reason}`);
    this.name = "RecipientUnreachable";
  }
}

/**
 * No answer came (timeout, connection reset): the platform may or may not have the message. Callers that
 * must never send twice treat it as sent when the request had left.
 */
export class DeliveryUncertain extends Error {
  constructor(readonly detail: string) {
    super(`no answer from the platform: ${detail}`);
    this.name = "DeliveryUncertain";
  }
}

/** The platform asked us to slow down; try again after `retryAfterMs` without counting an attempt. */
export class RateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited for ${retryAfterMs} ms`);
    this.name = "RateLimited";
  }
}

/** This process has no adapter for the address's platform (a configuration matter, not the person's). */
export class PlatformNotConfigured extends Error {
  constructor(readonly platform: string) {
    super(`no ${platform} adapter is configured in this process`);
    this.name = "PlatformNotConfigured";
  }
}

/** Routes each message to the sender of its address's platform. */
export function createOutboundRouter(senders: Partial<Record<PlatformName, OutboundSender>>): OutboundSender {
  return {
    send(to, message) {
      const sender = senders[to.platform];
      if (!sender) return Promise.reject(new PlatformNotConfigured(to.platform));
      return sender.send(to, message);
    },
    edit(to, sent, message) {
      const sender = senders[to.platform];
      if (!sender) return Promise.reject(new PlatformNotConfigured(to.platform));
      return sender.edit ? sender.edit(to, sent, message) : Promise.resolve();
    },
    async publishHome(to, message) {
      await senders[to.platform]?.publishHome?.(to, message);
    },
    signalsRequestLeaving(to) {
      return senders[to.platform]?.signalsRequestLeaving?.(to) ?? false;
    },
  };
}
