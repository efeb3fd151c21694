// Serves a built site over HTTP on a free local port, as a static host would (the benchmark uses the same server).
export { serveStatic, type StaticServer } from "../../src/bench/static-server.ts";
