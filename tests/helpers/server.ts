// Serves a built site over HTTP on a free local port, as a static host would, at the root or under a path prefix
// (the benchmark and the audit use the same server).
import { serveStatic, type StaticServer } from "../../src/bench/static-server.ts";

export { serveStatic, type StaticServer };

/** The site under `prefix` (`/garden-letters/`), every request outside it a 404 and recorded in `outside`. */
export const servePrefixed = (dir: string, prefix: string): Promise<StaticServer> => serveStatic(dir, { prefix });
