/**
 * Slack's upload in three steps (what `files.uploadV2` does): `files.getUploadURLExternal` (filename,
 * length) answers an `upload_url` and a `file_id`; the bytes are POSTed to that URL (raw or as a
 * multipart part), answered `200 OK - <length>`; `files.completeUploadExternal` (files=[{id,title}],
 * channel_id, initial_comment) shares the files, which then show as a message with `files` in the
 * conversation. Bytes of another length than announced are refused at the upload URL.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { invalidArguments, SlackApiError } from "./slack-failures.ts";
import type { SlackFileObject, SlackFileStore } from "./slack-files.ts";
import { isConversationId, isUserId } from "./slack-ids.ts";
import type { SlackMethodHandler, SlackWorkspace } from "./slack-methods.ts";
import { stringArgument } from "./slack-payload.ts";

interface PendingUpload {
  fileId: string;
  filename: string;
  length: number;
  altText: string | undefined;
  bytes: Buffer | undefined;
}

const MIME_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  pdf: "application/pdf",
  txt: "text/plain",
};

/** Uploads announced and not yet completed, by file id and by the secret part of their upload URL. */
export class SlackUploads {
  private readonly byFile = new Map<string, PendingUpload>();
  private readonly byUploadId = new Map<string, PendingUpload>();
  /** Set once the stand-in listens: upload URLs point at it instead of files.slack.com */
  origin = "http://127.0.0.1";

  constructor(private readonly files: SlackFileStore) {}

  begin(
    filename: string,
    length: number,
    altText: string | undefined,
  ): { uploadUrl: string; fileId: string } {
    const upload: PendingUpload = {
      fileId: this.files.nextId(),
      filename,
      length,
      altText,
      bytes: undefined,
    };
    const uploadId = randomBytes(12).toString("hex");
    this.byFile.set(upload.fileId, upload);
    this.byUploadId.set(uploadId, upload);
    return { uploadUrl: `${this.origin}/upload/v1/${uploadId}`, fileId: upload.fileId };
  }

  /** The POST to an upload URL: its status and text. */
  receive(uploadId: string, bytes: Buffer): { status: number; body: string } {
    const upload = this.byUploadId.get(uploadId);
    if (upload === undefined) return { status: 404, body: "Not Found" };
    if (bytes.byteLength !== upload.length) {
      return {
        status: 400,
        body: `length mismatch: announced ${upload.length}, received ${bytes.byteLength}`,
      };
    }
    upload.bytes = bytes;
    this.byUploadId.delete(uploadId);
    return { status: 200, body: `OK - ${bytes.byteLength}` };
  }

  /** Turns uploaded bytes into a file; unknown ids and uploads without bytes are `file_not_found`. */
  complete(
    fileId: string,
    title: string | undefined,
    shareIn: string | undefined,
    userId: string,
  ): SlackFileObject {
    const upload = this.byFile.get(fileId);
    if (upload === undefined || upload.bytes === undefined) throw new SlackApiError("file_not_found");
    this.byFile.delete(fileId);
    const extension = /\.([A-Za-z0-9]+)$/.exec(upload.filename)?.[1]?.toLowerCase() ?? "";
    return this.files.add(
      {
        userId,
        name: upload.filename,
        title: title ?? upload.filename,
        mimetype: MIME_TYPES[extension] ?? "application/octet-stream",
        bytes: upload.bytes,
      },
      { id: fileId, ...(shareIn === undefined ? {} : { shareIn }) },
    );
  }

  clear(): void {
    this.byFile.clear();
    this.byUploadId.clear();
  }
}

const completedFiles = z
  .union([z.string(), z.array(z.unknown())])
  .transform((value, ctx) => {
    if (Array.isArray(value)) return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "not JSON" });
      return z.NEVER;
    }
  })
  .pipe(z.array(z.object({ id: z.string().min(1), title: z.string().optional() })).min(1));

/** A conversation a file may be shared in: a channel id, or a DM of a known user. */
function shareTarget(workspace: SlackWorkspace, channel: string): string {
  if (isUserId(channel) || !isConversationId(channel)) throw new SlackApiError("invalid_channel");
  if (
    channel.startsWith("D") &&
    ![`U${channel.slice(1)}`, `W${channel.slice(1)}`].some((id) => workspace.directory.has(id))
  ) {
    throw new SlackApiError("invalid_channel");
  }
  return channel;
}

export const uploadMethods: Record<string, SlackMethodHandler> = {
  "files.getUploadURLExternal": ({ payload, workspace }) => {
    const filename = stringArgument(payload, "filename");
    const length = Number(stringArgument(payload, "length"));
    if (filename === undefined) throw invalidArguments("[ERROR] missing required field: filename");
    if (!Number.isSafeInteger(length) || length <= 0) throw invalidArguments("[ERROR] invalid `length`");
    const { uploadUrl, fileId } = workspace.uploads.begin(
      filename,
      length,
      stringArgument(payload, "alt_text"),
    );
    return { upload_url: uploadUrl, file_id: fileId };
  },

  "files.completeUploadExternal": ({ payload, workspace }) => {
    const files = completedFiles.safeParse(payload.files);
    if (!files.success) throw invalidArguments("[ERROR] invalid `files`");
    const channelArgument =
      stringArgument(payload, "channel_id") ?? stringArgument(payload, "channels")?.split(",")[0];
    const channel =
      channelArgument === undefined ? undefined : shareTarget(workspace, channelArgument.trim());
    const shared = files.data.map((file) =>
      workspace.uploads.complete(file.id, file.title, channel, workspace.bot.botUserId),
    );
    if (channel !== undefined) {
      workspace.conversations.post(channel, {
        text: stringArgument(payload, "initial_comment") ?? "",
        blocks: [],
        attachments: [],
        threadTs: stringArgument(payload, "thread_ts"),
        metadata: undefined,
        source: "files.completeUploadExternal",
        files: shared,
      });
    }
    return { files: shared.map((file) => ({ id: file.id, title: file.title })) };
  },
};
