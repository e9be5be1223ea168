import type { types } from "@slack/bolt";
import { SlackApiError } from "./slack-failures.ts";
import { dmChannelId, SlackIdSequence } from "./slack-ids.ts";

/** A file object as Slack puts it in a `file_share` message's `files` and in `files.info`. */
export type SlackFileObject = NonNullable<types.FileShareMessageEvent["files"]>[number] & {
  ims: string[];
  timestamp: number;
  user_team: string;
  file_access: string;
};

/** A file a user shares (a test or the simulator page decides what). */
export interface SlackFileSeed {
  /** Who shared it (in their DM with the app) */
  userId: string;
  name: string;
  mimetype: string;
  bytes: Uint8Array | string;
  title?: string;
}

interface StoredSlackFile {
  object: SlackFileObject;
  bytes: Buffer;
}

/** Where a file object says it is shared, by the kind of conversation. */
function sharedIn(channel: string): Pick<SlackFileObject, "channels" | "groups" | "ims"> {
  if (channel.startsWith("D")) return { channels: [], groups: [], ims: [channel] };
  if (channel.startsWith("G")) return { channels: [], groups: [channel], ims: [] };
  return { channels: [channel], groups: [], ims: [] };
}

const FILE_TYPES: Record<string, [filetype: string, pretty: string]> = {
  "image/jpeg": ["jpg", "JPEG"],
  "image/png": ["png", "PNG"],
  "image/gif": ["gif", "GIF"],
  "application/pdf": ["pdf", "PDF"],
  "text/plain": ["text", "Plain Text"],
};

/** The workspace's uploaded files, served at `url_private(_download)` to requests with the bot token. */
export class SlackFileStore {
  private readonly ids = new SlackIdSequence("F");
  private readonly files = new Map<string, StoredSlackFile>();
  /** Set once the stand-in listens: the files' URLs point at it instead of files.slack.com */
  origin = "http://127.0.0.1";

  constructor(
    private readonly team: { teamId: string; teamDomain: string },
    private readonly now: () => number,
  ) {}

  /** A new file id (an upload gets its id before its bytes arrive). */
  nextId(): string {
    return this.ids.next();
  }

  /**
   * Keeps a file. By default it is shared into the uploader's DM with the app; `shareIn` names the
   * conversation instead (the app's own uploads), and `id` one reserved with {@link nextId}.
   */
  add(seed: SlackFileSeed, options: { id?: string; shareIn?: string } = {}): SlackFileObject {
    const id = options.id ?? this.ids.next();
    const bytes = Buffer.from(seed.bytes);
    const seconds = Math.floor(this.now() / 1000);
    const [filetype, prettyType] = FILE_TYPES[seed.mimetype] ?? ["binary", "Binary"];
    const name = encodeURIComponent(seed.name);
    const base = `${this.origin}/files-pri/${this.team.teamId}-${id}`;
    const object: SlackFileObject = {
      id,
      created: seconds,
      timestamp: seconds,
      name: seed.name,
      title: seed.title ?? seed.name,
      mimetype: seed.mimetype,
      filetype,
      pretty_type: prettyType,
      user: seed.userId,
      user_team: this.team.teamId,
      editable: false,
      size: bytes.byteLength,
      mode: "hosted",
      is_external: false,
      external_type: "",
      is_public: false,
      public_url_shared: false,
      display_as_bot: false,
      username: "",
      url_private: `${base}/${name}`,
      url_private_download: `${base}/download/${name}`,
      permalink: `https://${this.team.teamDomain}.slack.com/files/${seed.userId}/${id}/${name}`,
      permalink_public: `https://slack-files.com/${this.team.teamId}-${id}-0000000000`,
      is_starred: false,
      has_rich_preview: false,
      file_access: "visible",
      ...sharedIn(options.shareIn ?? dmChannelId(seed.userId)),
    };
    this.files.set(id, { object, bytes });
    return object;
  }

  /** `files.info`: `file_not_found` for an unknown id, as Slack answers. */
  info(id: string | undefined): SlackFileObject {
    const stored = id === undefined ? undefined : this.files.get(id);
    if (stored === undefined) throw new SlackApiError("file_not_found");
    return stored.object;
  }

  /** The file behind a `/files-pri/<team>-<id>/[download/]<name>` path. */
  atPath(pathname: string): StoredSlackFile | undefined {
    const match = /^\/files-pri\/([A-Z0-9]+)-([A-Z0-9]+)\/(?:download\/)?[^/]+$/.exec(pathname);
    if (!match || match[1] !== this.team.teamId) return undefined;
    return this.files.get(match[2] ?? "");
  }

  /** Forgets the files; ids keep counting, so an old id never names a new file. */
  clear(): void {
    this.files.clear();
  }
}
