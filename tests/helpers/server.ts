// Serves a built site over HTTP on a free local port, as a static host would, at the root or under a path prefix
// (the benchmark and the audit use the same server).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serveStatic, type StaticServer } from "../../tools/bench/static-server.ts";

export { serveStatic, type StaticServer };

/** The site under `prefix` (`/garden-letters/`), every request outside it a 404 and recorded in `outside`. */
export const servePrefixed = (dir: string, prefix: string): Promise<StaticServer> => serveStatic(dir, { prefix });

/** Starts any `server` (another site's, the annotating API alone) on a free port of this machine. */
export async function listenLocally(server: http.Server): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // A browser may keep a connection open; close() alone would wait for it.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
