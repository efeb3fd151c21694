// Serves a built site under a path prefix, as a host that publishes it at https://example.org/garden-letters/
// would: requests under the prefix are answered from the site with the prefix stripped, and everything outside it is
// a 404. Every request is recorded, so that a test can assert that nothing was asked for outside the prefix.
// Like the static server (src/bench/static-server.ts): no compression and no ETags.
import http from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";
import type { StaticServer } from "./server.ts";

export interface PrefixedServer extends StaticServer {
  /** The origin alone (`http://127.0.0.1:1234`). */
  origin: string;
  /** The prefix, with slashes at both ends (`/garden-letters/`). */
  prefix: string;
  /** Every request's path and query, in order. */
  requests: string[];
  /** The requests outside the prefix, each answered with a 404. */
  outside: string[];
}

/** `url` is the origin with the prefix but no trailing slash, so that `${server.url}/search/` reads as usual. */
export async function servePrefixed(dir: string, prefix: string): Promise<PrefixedServer> {
  if (!/^\/(?:[^/]+\/)+$/.test(prefix)) throw new Error(`A path prefix such as /garden-letters/, not ${JSON.stringify(prefix)}`);
  const handler = sirv(dir, { dev: true, etag: false });
  const requests: string[] = [];
  const outside: string[] = [];
  const notFound = (res: http.ServerResponse, body: string) => {
    res.statusCode = 404;
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    requests.push(url);
    if (!url.startsWith(prefix)) {
      outside.push(url);
      return notFound(res, "Outside the site's path prefix");
    }
    // The site's files are at its root: strip the prefix, keeping the slash before the rest.
    req.url = url.slice(prefix.length - 1);
    handler(req, res, () => notFound(res, "Not found"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}${prefix.replace(/\/$/, "")}`,
    prefix,
    requests,
    outside,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
