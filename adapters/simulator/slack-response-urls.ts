/**
 * `response_url`s: where an app answers a slash command or an interaction after acknowledging it
 * (Bolt's `respond()` POSTs JSON there). Every POST is recorded. When the URL was created with a
 * context (the conversation, the user, the message the interaction came from), the answer also
 * shows in that conversation the way Slack shows it: an ephemeral message for the user by default,
 * a channel message with `response_type: "in_channel"`, or a change to the original message with
 * `replace_original` / `delete_original`.
 */
import { blocksProblems, type SlackBlock, withBlockIds } from "./slack-block-kit.ts";
import type { SlackConversations } from "./slack-conversations.ts";
import { flag } from "./slack-payload.ts";

/** What Slack knows about the interaction a `response_url` belongs to. */
export interface SlackResponseUrlContext {
  /** The conversation the command was typed in or the message's channel */
  channel?: string;
  /** The user who typed the command or clicked (ephemeral answers are shown to them) */
  userId?: string;
  /** The message whose button was clicked (what `replace_original` / `delete_original` change) */
  messageTs?: string;
}

/** What happened with one POST to a `response_url`. */
export type SlackResponseEffect =
  | "ephemeral"
  | "in_channel"
  | "replaced"
  | "deleted"
  /** Recorded only: the URL has no context, or no such message */
  | "recorded"
  /** Refused with 400 (no text or blocks, invalid blocks, not JSON) */
  | "rejected";

/** One POST to a `response_url`. */
export interface SlackResponsePost {
  /** The id at the end of the URL */
  id: string;
  /** The JSON body (or the form's `payload`), as posted */
  body: Record<string, unknown>;
  effect: SlackResponseEffect;
  /** Slack's error for a rejected post, e.g. `invalid_blocks` */
  error?: string;
  at: number;
}

export interface SlackResponseAnswer {
  status: number;
  body: Record<string, unknown>;
}

export class SlackResponseUrls {
  private counter = 0;
  private readonly contexts = new Map<string, SlackResponseUrlContext>();
  readonly posts: SlackResponsePost[] = [];

  constructor(
    private readonly conversations: SlackConversations,
    private readonly now: () => number,
  ) {}

  /** A new id, remembering the context its answers apply to. */
  create(context: SlackResponseUrlContext = {}): string {
    this.counter += 1;
    const id = `R${String(this.counter).padStart(6, "0")}`;
    this.contexts.set(id, { ...context });
    return id;
  }

  /** Applies and records one POST. */
  receive(id: string, body: unknown): { post: SlackResponsePost; answer: SlackResponseAnswer } {
    const at = this.now();
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return this.record({ id, body: {}, effect: "rejected", error: "invalid_payload", at });
    }
    const json = body as Record<string, unknown>;
    const context = this.contexts.get(id);
    if (flag(json.delete_original)) {
      return this.record({
        id,
        body: json,
        effect: this.deleteOriginal(context) ? "deleted" : "recorded",
        at,
      });
    }
    const text = typeof json.text === "string" ? json.text : "";
    let blocks: SlackBlock[] = [];
    if (json.blocks !== undefined) {
      const problems = blocksProblems(json.blocks);
      if (problems === "format" || problems.length > 0) {
        return this.record({ id, body: json, effect: "rejected", error: "invalid_blocks", at });
      }
      blocks = withBlockIds(json.blocks as unknown[], `${id}/${this.posts.length}`);
    }
    if (text.trim() === "" && blocks.length === 0) {
      return this.record({ id, body: json, effect: "rejected", error: "no_text", at });
    }
    const content = { text, blocks };
    if (flag(json.replace_original)) {
      return this.record({
        id,
        body: json,
        effect: this.replaceOriginal(context, content) ? "replaced" : "recorded",
        at,
      });
    }
    if (context?.channel === undefined) return this.record({ id, body: json, effect: "recorded", at });
    const threadTs = typeof json.thread_ts === "string" ? json.thread_ts : undefined;
    if (json.response_type === "in_channel") {
      this.conversations.post(context.channel, {
        ...content,
        attachments: [],
        threadTs,
        metadata: undefined,
        source: "response_url",
      });
      return this.record({ id, body: json, effect: "in_channel", at });
    }
    if (context.userId === undefined) return this.record({ id, body: json, effect: "recorded", at });
    this.conversations.postEphemeral(
      context.channel,
      context.userId,
      { ...content, threadTs },
      "response_url",
    );
    return this.record({ id, body: json, effect: "ephemeral", at });
  }

  list(id?: string): SlackResponsePost[] {
    return id === undefined ? [...this.posts] : this.posts.filter((post) => post.id === id);
  }

  clear(): void {
    this.counter = 0;
    this.contexts.clear();
    this.posts.length = 0;
  }

  private replaceOriginal(
    context: SlackResponseUrlContext | undefined,
    content: { text: string; blocks: SlackBlock[] },
  ): boolean {
    if (context?.channel === undefined || context.messageTs === undefined) return false;
    if (this.conversations.find(context.channel, context.messageTs) !== undefined) {
      this.conversations.update(context.channel, context.messageTs, content);
      return true;
    }
    const ephemeral = this.conversations.findEphemeral(context.channel, context.messageTs);
    if (ephemeral === undefined) return false;
    this.conversations.updateEphemeral(ephemeral, content);
    return true;
  }

  private deleteOriginal(context: SlackResponseUrlContext | undefined): boolean {
    if (context?.channel === undefined || context.messageTs === undefined) return false;
    if (this.conversations.delete(context.channel, context.messageTs)) return true;
    const ephemeral = this.conversations.findEphemeral(context.channel, context.messageTs);
    if (ephemeral === undefined) return false;
    this.conversations.deleteEphemeral(ephemeral);
    return true;
  }

  private record(post: SlackResponsePost): { post: SlackResponsePost; answer: SlackResponseAnswer } {
    this.posts.push(post);
    const answer: SlackResponseAnswer =
      post.effect === "rejected"
        ? { status: 400, body: { ok: false, error: post.error ?? "invalid_payload" } }
        : { status: 200, body: { ok: true } };
    return { post, answer };
  }
}
