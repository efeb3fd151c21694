// Annotating exists only in `npm start`, and only for the editor's own browser: the built site has no trace of it,
// a page served by anything else cannot write (in Chromium, with the real token even), requests from another origin,
// another host name, without the token or not in JSON are refused, nothing is written outside annotations/ whatever
// id a request names, the server answers on the loopback interface only, and `--read-only` turns it all off.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnnotateApi } from "../../src/annotate/annotate-api.ts";
import { EditionBuild } from "../../src/pipeline/edition-build.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { makeEdition, PROJECT_ROOT, removeEdition } from "../helpers/edition.ts";
import { selectWords } from "../helpers/select-words.ts";
import { listenLocally, serveStatic, type StaticServer } from "../helpers/server.ts";
import { startWatchServer, type WatchServer } from "../helpers/watch-server.ts";

/** What annotating puts into the pages npm start serves: none of it may be in a built file. */
const TRACES = ["/.annotate/", "annotate-token", "annotate.js", "annotate.css", "x-annotate-token", "Add a note"];

interface Answer {
  status: number;
  body: string;
}

/** A request to 127.0.0.1 with exactly these headers (Node's fetch would not send a Host or Origin of our choosing). */
function request(port: number, method: string, pathname: string, headers: Record<string, string>, body?: string, address = "127.0.0.1"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { "content-length": String(Buffer.byteLength(body)) };
    const req = http.request({ host: address, port, method, path: pathname, headers: { host: `localhost:${port}`, ...length, ...headers } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function tracesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const file of await filesUnder(dir)) {
    const text = await readFile(file, "latin1");
    for (const trace of TRACES) if (text.includes(trace)) found.push(`${path.relative(dir, file)}: ${trace}`);
  }
  return found;
}

const tokenOf = (html: string) => /<meta name="annotate-token" content="([^"]+)">/.exec(html)?.[1];

/** A non-loopback IPv4 address of this machine, if it has one. */
const outsideAddress = Object.values(os.networkInterfaces())
  .flat()
  .find((info) => info && info.family === "IPv4" && !info.internal)?.address;

function connects(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

let root: string;
let server: WatchServer;
let token: string;
let browser: Browser;
let built: string;
let site: StaticServer;
const outside = { dir: "" };

const OUTSIDE_NOTE = "---\nid: wicks\ntarget: 1901-04-01-ada\nanchor:\n  quote: wicks\nkind: variant\nsources: [gazette]\n---\nKept outside.\n";

const note = (extra: object = {}) =>
  JSON.stringify({ message: "1901-04-02-ben", quote: "leaves at six", at: { line: "2", offset: 17 }, kind: "context", sources: ["gazette"], title: "", body: "At six.", ...extra });
const annotations = () => readdir(path.join(root, "annotations")).then((names) => names.sort());

beforeAll(async () => {
  // A note's file outside the edition, for a link in annotations/ to lead to.
  outside.dir = await mkdtemp(path.join(os.tmpdir(), "outside-edition-"));
  await writeFile(path.join(outside.dir, "wicks.md"), OUTSIDE_NOTE);
  root = await makeEdition("small");
  built = await mkdtemp(path.join(os.tmpdir(), "annotate-built-"));
  await promisify(execFile)(process.execPath, ["--import", "tsx", "src/cli/build.ts", "--output", built], { cwd: PROJECT_ROOT, env: { ...process.env, EDITION_ROOT: root } });
  site = await serveStatic(built);
  server = await startWatchServer(root, 21_000);
  token = tokenOf((await request(server.port, "GET", "/messages/1901-04-02-ben/", { accept: "text/html" })).body)!;
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  server?.stop();
  await removeEdition(root);
  await rm(built, { recursive: true, force: true });
  await rm(outside.dir, { recursive: true, force: true });
});

describe("Annotating is only in npm start, and only for the pages it serves", () => {
  it("leaves no trace in the built site: no script, no stylesheet, no endpoint, no markup", async () => {
    // The pages npm start serves do carry the tools, so the markers searched for are the right ones.
    const served = (await request(server.port, "GET", "/messages/1901-04-02-ben/", { accept: "text/html" })).body;
    expect(TRACES.filter((trace) => served.includes(trace))).toEqual(["/.annotate/", "annotate-token", "annotate.js", "annotate.css"]);
    expect((await request(server.port, "GET", "/.annotate/annotate.js", {})).body).toContain("Add a note");
    expect(await tracesIn(built)).toEqual([]);
    // What npm start writes to _site/ is the built site too, even after a note was saved from the page.
    const rebuilds = () => (server.output().match(/Rebuilt in/g) ?? []).length;
    const before = rebuilds();
    const saved = await request(server.port, "POST", "/.annotate/note", { origin: `http://localhost:${server.port}`, "content-type": "application/json", "x-annotate-token": token }, note());
    expect(saved.status).toBe(201);
    await expect.poll(rebuilds, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await readFile(path.join(root, "_site", "messages", "1901-04-02-ben", "index.html"), "utf8")).toContain('id="note-leaves-at-six"');
    expect(await tracesIn(path.join(root, "_site"))).toEqual([]);
    // And a host serving the built site has no such endpoint.
    expect((await fetch(`${site.url}/.annotate/note`, { method: "POST", headers: { "content-type": "application/json" }, body: note() })).status).toBe(404);
  }, 60_000);

  it("gives a page served by anything else no tools and no way to write, even with the session's token", async () => {
    const before = await annotations();
    const target = `http://localhost:${server.port}/.annotate/note`;
    /** What a page's own script gets when it tries to add, or delete, a note through npm start. */
    const attempt = (on: Page) =>
      on.evaluate(
        async ({ target, token, body }) => {
          const outcome = async (init: RequestInit) => {
            try {
              const response = await fetch(target, init);
              return `answered ${response.status}`;
            } catch {
              return "blocked";
            }
          };
          return {
            // A JSON request, or one with the token header, needs a CORS preflight, which npm start never grants.
            json: await outcome({ method: "POST", headers: { "content-type": "application/json", "x-annotate-token": token }, body }),
            remove: await outcome({ method: "DELETE", headers: { "content-type": "application/json", "x-annotate-token": token }, body: JSON.stringify({ id: "wicks", hash: "x" }) }),
            // A form-like request needs none: it is sent (its answer is opaque to the page), and refused for its
            // origin and its type.
            simple: await outcome({ method: "POST", mode: "no-cors", headers: { "content-type": "text/plain" }, body }),
          };
        },
        { target, token, body: note({ title: "From elsewhere" }) },
      );

    // The built site, served by a static host: no token, no tools, and its own Content-Security-Policy lets its
    // pages talk to no one else.
    const page = await browser.newPage();
    await page.goto(`${site.url}/messages/1901-04-02-ben/`);
    expect(await page.locator('meta[name="annotate-token"]').count()).toBe(0);
    await selectWords(page, { line: "#L1", words: "wicks" });
    await page.waitForTimeout(500);
    expect(await page.locator("button.annotate-add").count()).toBe(0);
    expect(await attempt(page)).toEqual({ json: "blocked", remove: "blocked", simple: "blocked" });

    // Another site's page, with no such policy, that has somehow learnt the token: still nothing is written.
    const elsewhere = await listenLocally(http.createServer((_req, res) => res.end("<!doctype html><title>Another site</title><p>Hello")));
    try {
      await page.goto(elsewhere.url);
      expect(await attempt(page)).toEqual({ json: "blocked", remove: "blocked", simple: "answered 0" });
    } finally {
      await elsewhere.close();
    }
    expect(server.output()).not.toContain("From elsewhere");
    expect(await annotations()).toEqual(before);
    await page.close();
  }, 60_000);

  it("refuses requests from another origin or host name, without the token, or not in JSON, and writes nothing", async () => {
    const before = await annotations();
    const good = { origin: `http://localhost:${server.port}`, "content-type": "application/json", "x-annotate-token": token };
    const attempts: Record<string, Answer> = {
      "another origin": await request(server.port, "POST", "/.annotate/note", { ...good, origin: "http://attacker.example" }, note({ title: "One" })),
      "no origin": await request(server.port, "POST", "/.annotate/note", { "content-type": "application/json", "x-annotate-token": token }, note({ title: "Two" })),
      "a cross-site fetch": await request(server.port, "POST", "/.annotate/note", { ...good, "sec-fetch-site": "cross-site" }, note({ title: "Three" })),
      "another host name (DNS rebinding)": await request(server.port, "POST", "/.annotate/note", { ...good, host: `attacker.example:${server.port}`, origin: `http://attacker.example:${server.port}` }, note({ title: "Four" })),
      "no token": await request(server.port, "POST", "/.annotate/note", { origin: good.origin, "content-type": "application/json" }, note({ title: "Five" })),
      "a token of another session": await request(server.port, "POST", "/.annotate/note", { ...good, "x-annotate-token": token.replace(/^./, (c) => (c === "a" ? "b" : "a")) }, note({ title: "Six" })),
      "a form's content type": await request(server.port, "POST", "/.annotate/note", { ...good, "content-type": "text/plain" }, note({ title: "Seven" })),
    };
    expect(Object.fromEntries(Object.entries(attempts).map(([name, answer]) => [name, answer.status]))).toEqual({
      "another origin": 403,
      "no origin": 403,
      "a cross-site fetch": 403,
      "another host name (DNS rebinding)": 403,
      "no token": 403,
      "a token of another session": 403,
      "a form's content type": 415,
    });
    expect(JSON.parse(attempts["another origin"]!.body).error).toBe("Refused a change from the origin http://attacker.example: only the pages npm start serves may change notes.");
    expect(await annotations()).toEqual(before);
    // Reading is refused the same way, and a page asked for under another host name gets no token.
    expect((await request(server.port, "GET", "/.annotate/context", { "x-annotate-token": token, host: `attacker.example:${server.port}` })).status).toBe(403);
    expect((await request(server.port, "GET", "/.annotate/note?id=wicks", {})).status).toBe(403);
    expect(tokenOf((await request(server.port, "GET", "/messages/1901-04-02-ben/", { accept: "text/html", host: `attacker.example:${server.port}` })).body)).toBeUndefined();
  }, 60_000);

  it("writes only inside the edition's annotations/, whatever path or id it is sent", async () => {
    const headers = { origin: `http://localhost:${server.port}`, "content-type": "application/json", "x-annotate-token": token };
    const transcript = path.join(root, "content", "1901-04-01-ada.md");
    const transcriptText = await readFile(transcript, "utf8");
    const before = await annotations();
    const edit = (id: string) => JSON.stringify({ id, hash: "0", kind: "context", sources: ["gazette"], title: "", body: "Overwritten." });
    expect((await request(server.port, "PUT", "/.annotate/note", headers, edit("../content/1901-04-01-ada"))).status).toBe(404);
    expect((await request(server.port, "DELETE", "/.annotate/note", headers, JSON.stringify({ id: "../content/1901-04-01-ada", hash: "0" }))).status).toBe(404);
    expect((await request(server.port, "POST", "/.annotate/note", headers, note({ message: "../content/1901-04-01-ada" }))).status).toBe(422);
    expect((await request(server.port, "POST", "/.annotate/note", headers, note({ id: "../content/evil", path: "../content/evil.md" }))).status).toBe(400);
    expect(await readFile(transcript, "utf8")).toBe(transcriptText);
    expect(await annotations()).toEqual(before);
    expect(await readdir(path.join(root, "content"))).toEqual(["1901-04-01-ada.md", "1901-04-02-ben.md", "1901-05-harbour-board.md"]);
  }, 60_000);

  it("does not follow a note's file that became a link out of annotations/ since the last build", async () => {
    // The build does not read links (the loader lists regular files only), but between a save and the rebuild the
    // notes the page knows are the last build's: one whose file is now a link is refused, not written through.
    const copy = await makeEdition("small");
    const build = new EditionBuild({ root: copy });
    const api = new AnnotateApi({ root: copy, token: "session", port: () => port, current: () => build.current });
    const host = http.createServer((req, res) => api.middleware(req, res, () => res.writeHead(404).end()));
    const listening = await listenLocally(host);
    const port = Number(new URL(listening.url).port);
    try {
      await build.check();
      const wicks = path.join(copy, "annotations", "wicks.md");
      const hash = createHash("sha256").update(await readFile(wicks)).digest("hex");
      await rm(wicks);
      await symlink(path.join(outside.dir, "wicks.md"), wicks);
      const headers = { origin: `http://localhost:${port}`, "content-type": "application/json", "x-annotate-token": "session" };
      const edit = await request(port, "PUT", "/.annotate/note", headers, JSON.stringify({ id: "wicks", hash, kind: "context", sources: ["gazette"], title: "", body: "Overwritten." }));
      expect(edit.status).toBe(403);
      expect(JSON.parse(edit.body).error).toBe("Notes are changed only inside the edition's annotations/ folder; annotations/wicks.md is not.");
      expect((await request(port, "DELETE", "/.annotate/note", headers, JSON.stringify({ id: "wicks", hash }))).status).toBe(403);
      expect(await readFile(path.join(outside.dir, "wicks.md"), "utf8")).toBe(OUTSIDE_NOTE);
    } finally {
      await listening.close();
      await build.close();
      await removeEdition(copy);
    }
  }, 60_000);

  it.skipIf(!outsideAddress)("answers on this computer's loopback interface only", async () => {
    expect(await connects("127.0.0.1", server.port)).toBe(true);
    expect(await connects(outsideAddress!, server.port)).toBe(false);
  });

  it("is off with --read-only: no tools on the pages, no endpoint, and the server as before", async () => {
    const copy = await makeEdition("small");
    const readOnly = await startWatchServer(copy, 23_000, ["--read-only"]);
    try {
      expect(readOnly.output()).toContain("Read-only: annotating from the page is off.");
      const page = (await request(readOnly.port, "GET", "/messages/1901-04-02-ben/", { accept: "text/html" })).body;
      expect(page).toContain("<h1>Ben Moor to Ada Quill</h1>");
      expect(TRACES.filter((trace) => page.includes(trace))).toEqual([]);
      const attempt = await request(readOnly.port, "POST", "/.annotate/note", { origin: `http://localhost:${readOnly.port}`, "content-type": "application/json", "x-annotate-token": token }, note());
      expect(attempt.status).toBe(404);
      expect(await readdir(path.join(copy, "annotations"))).toEqual(["lamp-failing.md", "morning-boat.md", "spring-tides.md", "whole-letter.md", "wicks.md"]);
      // Without annotating, the dev server listens where it always did, on every interface.
      if (outsideAddress) expect(await connects(outsideAddress, readOnly.port)).toBe(true);
    } finally {
      readOnly.stop();
      await removeEdition(copy);
    }
  }, 90_000);
});
