// Eleventy's dev server, listening on the loopback interface only. While annotating is on, `npm start` can change
// the edition's files, so no other machine on the network may reach it: the dev server itself listens on every
// interface (its _serverListen calls listen({ port }) without a host), and this is the one method that says where.
// Overriding it keeps everything else of the server as it is: the port retries, which call the same method, and the
// live-reload WebSocket, which shares the HTTP server and so its address.
import EleventyDevServer from "@11ty/eleventy-dev-server";

export const LOOPBACK = "127.0.0.1";

export class LoopbackDevServer extends EleventyDevServer {
  override _serverListen(port: number): void {
    this.server.listen({ port, host: LOOPBACK });
  }
}
