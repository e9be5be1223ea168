import type { File } from "grammy/types";

/** A file the stand-in can serve: registered by a test (as if a user had sent it) or uploaded by the bot. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  /** Relative path served at `/file/bot<token>/<filePath>`, e.g. `documents/file_3.pdf` */
  filePath: string;
  mimeType: string;
  fileName?: string;
  bytes: Uint8Array;
}

export interface RegisterFileOptions {
  fileUniqueId?: string;
  fileName?: string;
}

/** The Bot API refuses `getFile` above this size ("file is too big"). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "application/pdf": "pdf",
  "text/plain": "txt",
  "text/csv": "csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  /** Makes `fileId` known to `getFile` and downloadable. Replaces an earlier file with that id. */
  register(
    fileId: string,
    bytes: Uint8Array | string,
    mimeType: string,
    options: RegisterFileOptions = {},
  ): StoredFile {
    const n = this.counter++;
    const extension = extensionOf(options.fileName) ?? EXTENSIONS[mimeType] ?? "bin";
    const folder = mimeType.startsWith("image/") ? "photos" : "documents";
    const file: StoredFile = {
      fileId,
      fileUniqueId: options.fileUniqueId ?? `unique-${fileId}`,
      filePath: `${folder}/file_${n}.${extension}`,
      mimeType,
      ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
      bytes: typeof bytes === "string" ? Buffer.from(bytes) : bytes,
    };
    const previous = this.byId.get(fileId);
    if (previous !== undefined) this.byPath.delete(previous.filePath);
    this.byId.set(fileId, file);
    this.byPath.set(file.filePath, file);
    return file;
  }

  /** Keeps a file the bot uploaded, under a new id, as Telegram does. */
  storeUpload(
    kind: "photo" | "document",
    bytes: Uint8Array,
    mimeType: string,
    fileName?: string,
  ): StoredFile {
    const id = `${kind}-${this.counter + 1}`;
    return this.register(id, bytes, mimeType, {
      fileUniqueId: `unique-${id}`,
      ...(fileName === undefined ? {} : { fileName }),
    });
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(filePath: string): StoredFile | undefined {
    return this.byPath.get(filePath);
  }

  clear(): void {
    this.byId.clear();
    this.byPath.clear();
    this.counter = 0;
  }
}

/** The `File` object `getFile` answers with. */
export function toTelegramFile(file: StoredFile): File {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_size: file.bytes.byteLength,
    file_path: file.filePath,
  };
}

/** The MIME type Telegram would give a file by its name (photos are re-encoded as JPEG). */
export function guessMimeType(fileName: string | undefined, kind: "photo" | "document"): string {
  if (kind === "photo") return "image/jpeg";
  const extension = extensionOf(fileName);
  const known = Object.entries(EXTENSIONS).find(([, ext]) => ext === extension)?.[0];
  return known ?? (extension === "jpeg" ? "image/jpeg" : "application/octet-stream");
}

function extensionOf(fileName: string | undefined): string | undefined {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName ?? "");
  return match?.[1]?.toLowerCase();
}
