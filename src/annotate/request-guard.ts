// Who may use annotating's endpoints: only the pages `npm start` itself served, in the editor's browser, on this
// machine. Each check closes a different door:
// - the Host header must name the loopback address and port we listen on, so that a site whose name an attacker
//   re-points at 127.0.0.1 (DNS rebinding) is not served a page with the token in it, nor answered;
// - the per-session token is only in the pages we serve (a <meta> element added as they are served), so a copy of
//   the site served by anything else, or opened from disk, has none;
// - a write must come with the Origin of those pages: browsers send it with every POST, PUT and DELETE, and no page
//   can forge it;
// - and its body must be JSON: a cross-origin request with `content-type: application/json` (or our token header)
//   needs a CORS preflight, which we never grant, so another site cannot even send one.
import { timingSafeEqual } from "node:crypto";
import type http from "node:http";

export const TOKEN_HEADER = "x-annotate-token";

export interface GuardOptions {
  token: string;
  /** The port the server listens on, once known. */
  port: () => number | undefined;
}

export interface Refusal {
  status: number;
  error: string;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a Host header (`localhost:8080`) names this server on the loopback interface. */
export function isOwnHost(host: string | undefined, port: number | undefined): boolean {
  return port !== undefined && host !== undefined && LOOPBACK_NAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** Why a request may not read (`write: false`) or change the edition's notes, or undefined if it may. */
export function refuseRequest(req: http.IncomingMessage, options: GuardOptions, write: boolean): Refusal | undefined {
  const port = options.port();
  if (!isOwnHost(req.headers.host, port)) return { status: 403, error: "Annotating answers only pages served by npm start at localhost." };
  // Browsers say where a request comes from; a page of another site is never same-origin.
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return { status: 403, error: "Annotating answers only the pages npm start serves, not other sites." };
  if (write) {
    const origin = req.headers.origin;
    if (!origin || !LOOPBACK_NAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`))
      return { status: 403, error: `Refused a change from ${origin ? `the origin ${origin}` : "a request without an Origin"}: only the pages npm start serves may change notes.` };
    const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") return { status: 415, error: "Changes to notes are sent as JSON (content-type: application/json)." };
  }
  if (!sameToken(req.headers[TOKEN_HEADER], options.token)) return { status: 403, error: "This page's annotating session has ended (npm start was restarted): reload the page." };
  return undefined;
}
