import type { App, webApi } from "@slack/bolt";
import { z } from "zod";
import type { ConversationEngine } from "../../src/conversation/engine.ts";
import type { Inbound, Reply } from "../../src/conversation/types.ts";
import { messagesFor } from "../../src/i18n/index.ts";
import type { InFlight } from "../../src/in-flight.ts";
import type { Logger } from "../../src/logger.ts";
import {
  FORM_CALLBACK_ID,
  formValues,
  messageBlocks,
  REASON_ACTION_ID,
  REASON_BLOCK_ID,
  REASON_CALLBACK_ID,
} from "./blocks.ts";
import { renderSlackReplies } from "./render.ts";
import {
  buttonToInbound,
  commandToInbound,
  directMessageToInbound,
  formClosedToInbound,
  formToInbound,
  sharedFile,
  slackAccount,
} from "./to-inbound.ts";

export const SLASH_COMMAND = "/kinerja";

const modalMetadata = z.object({
  data: z.string(),
  chatId: z.string().optional(),
  messageId: z.string().optional(),
});

export interface SlackListenerDeps {
  engine: ConversationEngine;
  logger: Logger;
  /** Turns run after the ack: shutdown waits for them (src/in-flight.ts) */
  inFlight?: InFlight;
}

const sharedFiles = z.array(z.unknown()).transform((files) =>
  files.flatMap((file) => {
    const parsed = sharedFile.safeParse(file);
    return parsed.success ? [parsed.data] : [];
  }),
);

/**
 * Registers the Slack listeners: `/kinerja`, button presses, the reason modal (submitted or closed),
 * App Home and direct messages (text, or a shared file).
 * Each acks at once (Slack's 3 seconds) and does the slow work after; none decides what to say.
 */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  const { engine, logger } = deps;

  function handle(client: webApi.WebClient, inbound: Inbound, triggerId?: string): Promise<void> {
    const turn = runTurn(client, inbound, triggerId);
    return deps.inFlight ? deps.inFlight.track(turn) : turn;
  }

  async function runTurn(client: webApi.WebClient, inbound: Inbound, triggerId?: string): Promise<void> {
    let replies: Reply[];
    try {
      replies = await engine.handle(inbound);
    } catch (error) {
      logger.error({ err: error }, "conversation turn failed (slack)");
      replies = await engine.apologyFor(inbound.account);
    }
    const t = messagesFor(await engine.localeOf(inbound.account));
    try {
      await renderSlackReplies(client, inbound.account.address, replies, { triggerId, t });
    } catch (error) {
      logger.error({ err: error }, "slack reply failed");
    }
  }

  /** Unlinked people may be known by their imported Slack id or their profile e-mail. */
  const withDirectory = (client: webApi.WebClient, inbound: Inbound): Inbound => ({
    ...inbound,
    directory: {
      async email() {
        const info = await client.users.info({ user: inbound.account.externalId });
        return info.user?.profile?.email;
      },
    },
  });

  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    await ack();
    await handle(client, withDirectory(client, commandToInbound(command)), command.trigger_id);
  });

  app.action({ type: "block_actions" }, async ({ body, action, ack, client }) => {
    await ack();
    if (action.type !== "button" || !action.value) return;
    const inbound = buttonToInbound({
      userId: body.user.id,
      teamId: body.team?.id,
      triggerId: body.trigger_id,
      value: action.value,
      channelId: body.container?.channel_id ?? body.channel?.id,
      messageTs: body.container?.message_ts ?? body.message?.ts,
    });
    await handle(client, withDirectory(client, inbound), body.trigger_id);
  });

  app.view(REASON_CALLBACK_ID, async ({ body, view, ack, client }) => {
    await ack();
    const metadata = modalMetadata.safeParse(safeJson(view.private_metadata));
    if (!metadata.success) return;
    const text = view.state.values[REASON_BLOCK_ID]?.[REASON_ACTION_ID]?.value ?? "";
    const key = `view-${view.id}-${view.hash}`;
    await handle(
      client,
      formToInbound({ userId: body.user.id, teamId: body.team?.id, key, metadata: metadata.data, text }),
    );
  });

  app.view(FORM_CALLBACK_ID, async ({ body, view, ack, client }) => {
    await ack();
    const metadata = modalMetadata.safeParse(safeJson(view.private_metadata));
    if (!metadata.success) return;
    const key = `view-${view.id}-${view.hash}`;
    await handle(
      client,
      formToInbound({
        userId: body.user.id,
        teamId: body.team?.id,
        key,
        metadata: metadata.data,
        text: "",
        values: formValues(view.state.values),
      }),
    );
  });

  const closed = [REASON_CALLBACK_ID, FORM_CALLBACK_ID];
  app.view(
    { type: "view_closed", callback_id: new RegExp(`^(${closed.join("|")})$`) },
    async ({ body, view, ack, client }) => {
      await ack();
      const metadata = modalMetadata.safeParse(safeJson(view.private_metadata));
      if (!metadata.success) return;
      await handle(
        client,
        formClosedToInbound({
          userId: body.user.id,
          teamId: body.team?.id,
          viewId: view.id,
          metadata: metadata.data,
        }),
      );
    },
  );

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    // Slack redelivers events it thinks were lost: each event id is published once.
    const home = await engine.homeFor(slackAccount(event.user, body.team_id), `slack:${body.event_id}`);
    if (!home) return;
    await client.views.publish({
      user_id: event.user,
      view: { type: "home", blocks: messageBlocks(home.text, home.choices) },
    });
  });

  app.event("message", async ({ event, body, client }) => {
    if (event.channel_type !== "im" || !("user" in event) || "bot_id" in event) return;
    if (event.subtype !== undefined && event.subtype !== "file_share") return;
    const files = event.subtype === "file_share" ? sharedFiles.safeParse(event.files ?? []) : undefined;
    const inbound = directMessageToInbound({
      userId: event.user,
      teamId: body.team_id,
      text: event.text ?? "",
      eventId: body.event_id,
      ...(files?.success ? { files: files.data } : {}),
    });
    await handle(client, withDirectory(client, inbound));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
