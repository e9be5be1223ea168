import type { Api } from "grammy";
import type { FileFetcher } from "../../src/http/evidence-route.ts";

/** Downloads a Telegram file on demand (getFile, then the file URL, which carries the token: never shown). */
export function createTelegramFileFetcher(api: Api, token: string, apiRoot: string): FileFetcher {
  return {
    async fetch(fileId) {
      const file = await api.getFile(fileId);
      if (!file.file_path) throw new Error("Telegram gave no file path");
      const response = await fetch(`${apiRoot}/file/bot${token}/${file.file_path}`);
      if (!response.ok) throw new Error(`Telegram file download failed: ${response.status}`);
      return {
        bytes: Buffer.from(await response.arrayBuffer()),
        contentType: response.headers.get("content-type") ?? undefined,
      };
    },
  };
}
