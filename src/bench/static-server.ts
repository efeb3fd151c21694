// Serves a built site over HTTP on a free local port, as a static host would: no compression and no ETags, so that
// every request is answered in full and what is sent can be measured. The benchmark and the tests share it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** `onRequest` sees each request before the site answers it, to observe the response (see first-search-bytes.ts). */
export async function serveStatic(
  dir: string,
  onRequest?: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<StaticServer> {
  const handler = sirv(dir, { dev: true, etag: false });
  const server = http.createServer((req, res) => {
    onRequest?.(req, res);
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("Not found");
    });
  });
  return listenLocally(server);
}

/** Starts `server` on a free port of this machine, with a close() that does not wait for idle connections. */
export async function listenLocally(server: http.Server): Promise<StaticServer> {
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
