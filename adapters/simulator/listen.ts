import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Starts a stand-in's server (loopback by default, any free port) and returns its origin, e.g. http://127.0.0.1:41234. */
export async function listenForOrigin(
  server: Server,
  options: { host?: string; port?: number },
): Promise<string> {
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}
