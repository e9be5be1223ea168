import { randomBytes } from "node:crypto";
import type { ViewOutput } from "@slack/bolt";
import { withBlockIds } from "./slack-block-kit.ts";
import type { SlackBotIdentity } from "./slack-conversations.ts";
import { SlackApiError } from "./slack-failures.ts";
import { SlackIdSequence } from "./slack-ids.ts";

/** How a view came to be shown. */
export type SlackViewSource = "views.open" | "views.push" | "views.publish";

/** A modal or App Home view the app showed, as it is now. */
export interface SlackViewRecord {
  readonly id: string;
  readonly type: "modal" | "home";
  readonly source: SlackViewSource;
  /** The trigger exchanged for a modal */
  readonly triggerId: string | undefined;
  /** The user whose App Home this is (`views.publish`) */
  readonly userId: string | undefined;
  /** The view as the Web API returns it now (what a `view_submission` would carry) */
  readonly view: ViewOutput;
  /** Earlier versions, oldest first */
  readonly history: readonly ViewOutput[];
  readonly openedAt: number;
  readonly updatedAt: number;
}

/** The views the app opened, pushed and published; records are live. */
export interface SlackViewsView {
  /** Modals from `views.open` and `views.push`, in order */
  readonly opened: readonly SlackViewRecord[];
  /** The App Home view of each user (`views.publish`) */
  readonly published: ReadonlyMap<string, SlackViewRecord>;
  byId(viewId: string): SlackViewRecord | undefined;
}

type MutableRecord = { -readonly [K in keyof SlackViewRecord]: SlackViewRecord[K] };
type ViewInput = Record<string, unknown>;

/** Stores views by id, App Home views by user, and which trigger ids were exchanged. */
export class SlackViewStore {
  private readonly ids = new SlackIdSequence("V");
  private readonly byId = new Map<string, MutableRecord>();
  private readonly opened: MutableRecord[] = [];
  private readonly published = new Map<string, MutableRecord>();
  private readonly exchangedTriggers = new Set<string>();

  constructor(
    private readonly bot: SlackBotIdentity,
    private readonly now: () => number,
  ) {}

  /** A trigger can be exchanged for a view once, as in Slack. */
  exchangeTrigger(triggerId: string): void {
    if (this.exchangedTriggers.has(triggerId)) throw new SlackApiError("exchanged_trigger_id");
    this.exchangedTriggers.add(triggerId);
  }

  open(
    input: ViewInput,
    options: { source: "views.open" | "views.push"; triggerId: string; parent?: SlackViewRecord },
  ): SlackViewRecord {
    this.checkExternalId(input, undefined);
    const id = this.ids.next();
    const record: MutableRecord = {
      id,
      type: "modal",
      source: options.source,
      triggerId: options.triggerId,
      userId: undefined,
      view: this.output(id, input, {
        rootViewId: options.parent?.view.root_view_id ?? id,
        previousViewId: options.parent?.id ?? null,
      }),
      history: [],
      openedAt: this.now(),
      updatedAt: this.now(),
    };
    this.byId.set(id, record);
    this.opened.push(record);
    return record;
  }

  publish(userId: string, input: ViewInput, hash: string | undefined): SlackViewRecord {
    const existing = this.published.get(userId);
    if (existing !== undefined) return this.update(existing, input, hash);
    this.checkExternalId(input, undefined);
    const id = this.ids.next();
    const record: MutableRecord = {
      id,
      type: "home",
      source: "views.publish",
      triggerId: undefined,
      userId,
      view: this.output(id, input, { rootViewId: id, previousViewId: null }),
      history: [],
      openedAt: this.now(),
      updatedAt: this.now(),
    };
    this.byId.set(id, record);
    this.published.set(userId, record);
    return record;
  }

  /** Finds the view for `views.update` (by `view_id` or `external_id`); `not_found` otherwise. */
  find(viewId: string | undefined, externalId: string | undefined): SlackViewRecord {
    const record =
      viewId !== undefined
        ? this.byId.get(viewId)
        : [...this.byId.values()].find((candidate) => candidate.view.external_id === externalId);
    if (record === undefined) throw new SlackApiError("not_found");
    return record;
  }

  update(record: SlackViewRecord, input: ViewInput, hash: string | undefined): SlackViewRecord {
    const mutable = this.byId.get(record.id);
    if (mutable === undefined) throw new SlackApiError("not_found");
    if (hash !== undefined && hash !== mutable.view.hash) throw new SlackApiError("hash_conflict");
    if (input.type !== mutable.type) {
      throw new SlackApiError({
        error: "invalid_arguments",
        messages: [`[ERROR] must be ${mutable.type} [json-pointer:/view/type]`],
      });
    }
    this.checkExternalId(input, mutable.id);
    mutable.history = [...mutable.history, mutable.view];
    mutable.view = this.output(mutable.id, input, {
      rootViewId: mutable.view.root_view_id,
      previousViewId: mutable.view.previous_view_id,
    });
    mutable.updatedAt = this.now();
    return mutable;
  }

  view(): SlackViewsView {
    const { opened, published, byId } = this;
    return {
      get opened() {
        return [...opened];
      },
      get published() {
        return new Map(published);
      },
      byId: (viewId) => byId.get(viewId),
    };
  }

  clear(): void {
    this.ids.reset();
    this.byId.clear();
    this.opened.length = 0;
    this.published.clear();
    this.exchangedTriggers.clear();
  }

  private checkExternalId(input: ViewInput, ownId: string | undefined): void {
    const externalId = input.external_id;
    if (typeof externalId !== "string" || externalId.length === 0) return;
    for (const record of this.byId.values()) {
      if (record.id !== ownId && record.view.external_id === externalId) {
        throw new SlackApiError("duplicate_external_id");
      }
    }
  }

  private output(
    id: string,
    input: ViewInput,
    links: { rootViewId: string | null; previousViewId: string | null },
  ): ViewOutput {
    const { bot } = this;
    const type = input.type === "home" ? "home" : "modal";
    return {
      id,
      team_id: bot.teamId,
      type,
      blocks: withBlockIds(Array.isArray(input.blocks) ? input.blocks : [], id),
      private_metadata: typeof input.private_metadata === "string" ? input.private_metadata : "",
      callback_id: typeof input.callback_id === "string" ? input.callback_id : "",
      state: { values: {} },
      hash: `${Math.floor(this.now() / 1000)}.${randomBytes(4).toString("hex")}`,
      title: plainText(input.title, "View Title"),
      clear_on_close: input.clear_on_close === true,
      notify_on_close: input.notify_on_close === true,
      close: input.close === undefined ? null : plainText(input.close, ""),
      submit: input.submit === undefined ? null : plainText(input.submit, ""),
      previous_view_id: links.previousViewId,
      root_view_id: links.rootViewId,
      app_id: bot.appId,
      external_id: typeof input.external_id === "string" ? input.external_id : "",
      app_installed_team_id: bot.teamId,
      bot_id: bot.botId,
    };
  }
}

function plainText(value: unknown, fallback: string): ViewOutput["title"] {
  const text =
    typeof value === "object" && value !== null && "text" in value && typeof value.text === "string"
      ? value.text
      : fallback;
  return { type: "plain_text", text, emoji: true };
}
