// The parts of @11ty/eleventy-dev-server (which ships no types) that `npm start` uses.
declare module "@11ty/eleventy-dev-server" {
  import type http from "node:http";

  type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

  interface DevServerOptions {
    pathPrefix?: string;
    middleware?: Middleware[];
    messageOnStart?: () => string | false;
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
    portReassignmentRetryCount?: number;
  }

  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    constructor(name: string, dir: string, options?: DevServerOptions);
    /** The HTTP server, created on first use. */
    readonly server: http.Server;
    /** Starts listening (and is called again with the next port when one is taken). */
    _serverListen(port: number): void;
    serve(port: number): void;
    /** The port it listens on, once it does (the next free one if the one asked for is taken). */
    getPort(): Promise<number>;
    reload(event?: { files?: string[] }): void;
    close(): Promise<void>;
  }
}
