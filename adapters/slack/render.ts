import type { webApi } from "@slack/bolt";
import type { Reply } from "../../src/conversation/types.ts";
import type { Messages } from "../../src/i18n/id.ts";
import { formModal, messageBlocks, reasonModal } from "./blocks.ts";
import type { ModalMetadata } from "./to-inbound.ts";

/** Slack shows `text` in notifications and where blocks cannot be shown. */
const NOTIFICATION_TEXT_MAX = 3000;
/** Slack's limit for a file's alt text. */
const IMAGE_TITLE_MAX = 1000;

/**
 * The core's replies in Slack's idiom: messages in the person's DM with Block Kit buttons, edits in
 * place with chat.update, and questions that need a reason as a modal (when a trigger id allows one).
 * A picture is uploaded into the DM (files.uploadV2, scope `files:write`); one that fails does not stop
 * the replies after it (its text went before it) and is thrown at the end.
 */
export async function renderSlackReplies(
  client: webApi.WebClient,
  userId: string,
  replies: readonly Reply[],
  options: { triggerId?: string | undefined; t: Messages },
): Promise<void> {
  // Posting to the user id reaches the DM; a file upload needs the DM's channel id, which a post returns.
  let dmChannel: string | undefined;
  let imageFailure: unknown;
  for (const r of replies) {
    if (r.kind === "message" || r.kind === "notice") {
      const sent = await client.chat.postMessage({
        channel: userId,
        text: r.text.slice(0, NOTIFICATION_TEXT_MAX),
        blocks: messageBlocks(r.text, r.kind === "message" ? r.choices : undefined),
      });
      dmChannel ??= sent.channel;
    } else if (r.kind === "image") {
      try {
        dmChannel ??= (await client.conversations.open({ users: userId })).channel?.id;
        if (!dmChannel) throw new Error("no DM channel to upload the picture into");
        await client.files.uploadV2({
          channel_id: dmChannel,
          file: Buffer.from(r.png),
          filename: r.fileName,
          title: r.alt.slice(0, IMAGE_TITLE_MAX),
          alt_text: r.alt.slice(0, IMAGE_TITLE_MAX),
        });
      } catch (error) {
        imageFailure ??= error;
      }
    } else if (r.kind === "edit") {
      await client.chat.update({
        channel: r.message.chatId,
        ts: r.message.messageId,
        text: r.text.slice(0, NOTIFICATION_TEXT_MAX),
        blocks: messageBlocks(r.text, r.choices),
      });
    } else if (r.kind === "form") {
      if (!options.triggerId) continue;
      const metadata: ModalMetadata = {
        data: r.data,
        ...(r.message ? { chatId: r.message.chatId, messageId: r.message.messageId } : {}),
      };
      await client.views.open({
        trigger_id: options.triggerId,
        view: formModal({
          title: r.title,
          submit: r.submit,
          cancel: options.t.common.cancel,
          fields: r.fields,
          metadata: JSON.stringify(metadata),
        }),
      });
    } else if (options.triggerId) {
      const metadata: ModalMetadata = {
        data: r.data,
        ...(r.message ? { chatId: r.message.chatId, messageId: r.message.messageId } : {}),
      };
      await client.views.open({
        trigger_id: options.triggerId,
        view: reasonModal({
          title: r.title,
          question: r.text,
          submit: options.t.report.send,
          cancel: options.t.common.cancel,
          metadata: JSON.stringify(metadata),
          minLength: r.minLength,
          maxLength: r.maxLength,
        }),
      });
    } else {
      await client.chat.postMessage({ channel: userId, text: r.text, blocks: messageBlocks(r.text) });
    }
  }
  if (imageFailure !== undefined) throw imageFailure;
}
