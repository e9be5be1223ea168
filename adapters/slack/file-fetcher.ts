import type { webApi } from "@slack/bolt";
import type { FileFetcher } from "../../src/http/evidence-route.ts";

/** Slack keeps shared files here; the bot token is sent to no other host (or the configured API's). */
const SLACK_FILES_ORIGIN = "https://files.slack.com";

/**
 * Downloads a file shared with the bot on demand: `files.info` (scope `files:read`) gives its
 * `url_private_download`, fetched with the bot token as Bearer. Without the token Slack redirects to a
 * sign-in page, so anything but a 200 is a failure.
 */
export function createSlackFileFetcher(client: webApi.WebClient, token: string, apiUrl: string): FileFetcher {
  const allowed = new Set([SLACK_FILES_ORIGIN, new URL(apiUrl).origin]);
  return {
    async fetch(fileId) {
      const info = await client.files.info({ file: fileId });
      const url = info.file?.url_private_download ?? info.file?.url_private;
      if (!url) throw new Error("Slack gave no download URL for the file");
      if (!allowed.has(new URL(url).origin)) throw new Error("Slack file URL on an unexpected host");
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}` },
        redirect: "manual",
      });
      if (response.status !== 200) throw new Error(`Slack file download failed: ${response.status}`);
      return {
        bytes: Buffer.from(await response.arrayBuffer()),
        contentType: info.file?.mimetype ?? response.headers.get("content-type") ?? undefined,
      };
    },
  };
}
