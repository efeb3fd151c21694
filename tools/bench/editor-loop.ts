// The editor's loop, measured from outside as an editor lives it: `npm start` runs on the generated edition; a file
// is saved; the time until the changed page is served updated is polled over HTTP, and the time until the site's own
// search page finds (or no longer finds) the words is polled in Chromium, as a reader would search. Six kinds of edit, several of each: a transcript, a note, a new note, a deleted note, a deleted message,
// and a message moved to another month.
import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type Page } from "playwright-core";
import { ourBuildCommand } from "./our-build.ts";
import type { Random } from "./prng.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const EDIT_KINDS = ["transcript", "note", "new note", "deleted note", "deleted message", "message moved to another month"] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface LoopEdit {
  kind: EditKind;
  file: string;
  /** Save to the changed page served as it now is. */
  pageMs?: number;
  /** Save to the search page finding the new words, or no longer finding the old ones; undefined when not measured. */
  searchMs?: number;
  /** Why a measurement did not finish. */
  failure?: string;
}

export interface EditorLoopResult {
  /** npm start's first build, to serving. */
  startMs: number;
  edits: LoopEdit[];
}

interface Server {
  child: ChildProcess;
  url: string;
  output(): string;
}

async function startServer(projectRoot: string, editionRoot: string, port: number): Promise<Server> {
  const { command, args, env } = ourBuildCommand(projectRoot);
  const startArgs = [...args.slice(0, -1), path.join(projectRoot, "src", "cli", "start.ts")];
  const child = spawn(command, startArgs, { cwd: editionRoot, env: { ...env, PORT: String(port) } });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  for (;;) {
    const served = /Serving the edition at (http:\/\/localhost:\d+\/\S*)/.exec(output);
    if (served) return { child, url: served[1]!.replace(/\/$/, ""), output: () => output };
    if (child.exitCode !== null || Date.now() - started > 30 * 60_000) throw new Error(`npm start did not start:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Polls `probe` until it holds, every `every` ms; the time from `since`, or undefined after `timeoutMs`. */
async function until(probe: () => Promise<boolean>, since: number, timeoutMs: number, every = 50): Promise<number | undefined> {
  while (performance.now() - since < timeoutMs) {
    if (await probe().catch(() => false)) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return undefined;
}

/** The links the site's search page shows for an exact word, as a reader gets them: every result and its lines and notes. */
async function searchUrls(page: Page, searchUrl: string, word: string): Promise<string[]> {
  await page.goto(`${searchUrl}?q=${encodeURIComponent(`"${word}"`)}`);
  const summary = page.locator("#search-summary");
  await summary.filter({ hasText: /\bresults?\b|^No results/ }).waitFor({ timeout: 10_000 });
  if (/^No results|^0 results/.test(await summary.innerText())) return [];
  await page.locator("#search-result-list .result").first().waitFor({ timeout: 10_000 });
  return page.locator("#search-result-list a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
}

const frontField = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1]?.trim();

/** Messages no note, reply or link names: one can be deleted or moved and the edition stays valid. */
async function unreferenced(root: string, messageFiles: string[], annotationFiles: string[]): Promise<Array<{ file: string; id: string; text: string }>> {
  const names = new Set<string>();
  for (const file of annotationFiles) {
    const text = await readFile(path.join(root, file), "utf8");
    for (const match of text.matchAll(/(?:target: |message:)([\w-]+)/g)) names.add(match[1]!);
  }
  const messages = await Promise.all(messageFiles.map(async (file) => ({ file, text: await readFile(path.join(root, file), "utf8") })));
  for (const { text } of messages) {
    const reply = frontField(text, "in_reply_to");
    if (reply) names.add(reply);
  }
  return messages.map((m) => ({ ...m, id: frontField(m.text, "id")! })).filter(({ id }) => !names.has(id));
}

/** The longest word of a text's body: a word that finds it among few others. */
function rareWord(text: string): string {
  const body = text.slice(text.indexOf("\n---\n", 4) + 5);
  return (body.match(/\p{L}{6,}/gu) ?? ["zzz"]).reduce((a, b) => (b.length > a.length ? b : a));
}

export async function measureEditorLoop(options: {
  projectRoot: string;
  editionRoot: string;
  random: Random;
  perKind: number;
  port?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}): Promise<EditorLoopResult> {
  const { editionRoot: root, random } = options;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const log = options.log ?? (() => {});
  const startedAt = performance.now();
  const server = await startServer(options.projectRoot, root, options.port ?? 8931);
  const startMs = performance.now() - startedAt;
  let browser: Browser | undefined;
  const edits: LoopEdit[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--disable-background-networking", "--disable-component-update"] });
    const page = await browser.newPage();
    const searchUrl = `${server.url}/search/`;
    const get = async (url: string) => {
      const response = await fetch(url, { headers: { accept: "text/html" }, cache: "no-store" });
      return { status: response.status, text: await response.text() };
    };
    const messageUrl = (id: string) => `${server.url}/messages/${id}/`;
    let counter = 0;
    const unique = () => `zedit${random.int(100000, 999999)}x${++counter}`;
    const list = async (folder: string) => (await readdir(path.join(root, folder))).filter((name) => name.endsWith(".md")).sort().map((name) => `${folder}/${name}`);

    for (const kind of EDIT_KINDS)
      for (let n = 0; n < options.perKind; n++) {
        // A server that has stopped answers nothing more: say why, instead of timing out every remaining edit.
        if (server.child.exitCode !== null || server.child.signalCode !== null)
          throw new Error(`npm start stopped (${server.child.exitCode ?? server.child.signalCode}) after ${edits.length} edits:\n${server.output().slice(-4000)}`);
        const messages = await list("content");
        const annotations = await list("annotations");
        let file = "";
        let pageProbe: () => Promise<boolean>;
        let searchProbe: (() => Promise<boolean>) | undefined;
        let save: () => Promise<void>;
        if (kind === "transcript") {
          const { file: chosen, id, text } = random.pick(await unreferenced(root, messages, annotations));
          const word = unique();
          file = chosen;
          save = () => writeFile(path.join(root, file), `${text.replace(/\n*$/, "")}\nA line added in the benchmark: ${word}.\n`);
          pageProbe = async () => (await get(messageUrl(id))).text.includes(word);
          searchProbe = async () => (await searchUrls(page, searchUrl, word)).some((url) => url.includes(`/messages/${id}/`));
        } else if (kind === "note") {
          file = random.pick(annotations);
          const text = await readFile(path.join(root, file), "utf8");
          const target = frontField(text, "target")!;
          const word = unique();
          save = () => writeFile(path.join(root, file), `${text.replace(/\n*$/, "")} Edited in the benchmark: ${word}.\n`);
          pageProbe = async () => (await get(messageUrl(target))).text.includes(word);
          searchProbe = async () => (await searchUrls(page, searchUrl, word)).some((url) => url.includes(`/messages/${target}/`));
        } else if (kind === "new note") {
          const { id: target } = random.pick(await unreferenced(root, messages, annotations));
          const id = `bench-new-${counter + 1}-${random.int(1000, 9999)}`;
          const word = unique();
          file = `annotations/${id}.md`;
          save = () =>
            writeFile(path.join(root, file), `---\nid: ${id}\ntarget: ${target}\nanchor:\n  lines: "1"\nkind: context\nsources: [archive]\n---\nA note written in the benchmark: ${word}.\n`);
          pageProbe = async () => (await get(messageUrl(target))).text.includes(`id="note-${id}"`);
          searchProbe = async () => (await searchUrls(page, searchUrl, word)).some((url) => url.includes(`#note-${id}`) || url.includes(`/messages/${target}/`));
        } else if (kind === "deleted note") {
          const linked = new Set<string>();
          for (const other of annotations) for (const match of (await readFile(path.join(root, other), "utf8")).matchAll(/note:([\w-]+)/g)) linked.add(match[1]!);
          const free = [];
          for (const other of annotations) {
            const text = await readFile(path.join(root, other), "utf8");
            if (!linked.has(frontField(text, "id")!)) free.push({ file: other, text });
          }
          const chosen = random.pick(free);
          file = chosen.file;
          const id = frontField(chosen.text, "id")!;
          const target = frontField(chosen.text, "target")!;
          const word = rareWord(chosen.text);
          save = () => unlink(path.join(root, file));
          pageProbe = async () => !(await get(messageUrl(target))).text.includes(`id="note-${id}"`);
          searchProbe = async () => !(await searchUrls(page, searchUrl, word)).some((url) => url.includes(`#note-${id}`));
        } else if (kind === "deleted message") {
          const chosen = random.pick((await unreferenced(root, messages, annotations)).filter(({ id }) => !annotations.some((a) => a.includes(id))));
          file = chosen.file;
          const word = rareWord(chosen.text);
          save = () => unlink(path.join(root, file));
          pageProbe = async () => (await get(messageUrl(chosen.id))).status === 404;
          searchProbe = async () => !(await searchUrls(page, searchUrl, word)).some((url) => url.includes(`/messages/${chosen.id}/`));
        } else {
          const chosen = random.pick(await unreferenced(root, messages, annotations));
          file = chosen.file;
          const sent = frontField(chosen.text, "sent")!;
          const year = Number(sent.slice(0, 4));
          const month = (Number(sent.slice(5, 7)) % 12) + 1;
          const movedMonth = `${month === 1 ? year + 1 : year}-${String(month).padStart(2, "0")}`;
          const moved = sent.replace(/^\d{4}-\d{2}(-\d{2})?/, (_, day?: string) => `${movedMonth}${day ? "-15" : ""}`);
          save = () => writeFile(path.join(root, file), chosen.text.replace(`sent: ${sent}\n`, `sent: ${moved}\n`));
          // Its page shows the new date and links to its new thread page, which lists it.
          pageProbe = async () => {
            const own = (await get(messageUrl(chosen.id))).text;
            const thread = new RegExp(`href="([^"]*/thread/${movedMonth}/(?:\\d+/)?)#message-${chosen.id}"`).exec(own)?.[1];
            return own.includes(`datetime="${moved}"`) && thread !== undefined && (await get(`${server.url}${thread}`)).text.includes(`id="message-${chosen.id}"`);
          };
        }
        const edit: LoopEdit = { kind, file };
        const t0 = performance.now();
        await save();
        edit.pageMs = await until(pageProbe, t0, timeoutMs);
        if (searchProbe) edit.searchMs = await until(searchProbe, t0, timeoutMs, 20);
        if (edit.pageMs === undefined || (searchProbe && edit.searchMs === undefined)) edit.failure = `not seen within ${timeoutMs / 1000} s:\n${server.output().slice(-2000)}`;
        edits.push(edit);
        log(`  ${kind} (${file}): page ${edit.pageMs === undefined ? "—" : `${(edit.pageMs / 1000).toFixed(2)} s`}${searchProbe ? `, search ${edit.searchMs === undefined ? "—" : `${(edit.searchMs / 1000).toFixed(2)} s`}` : ""}`);
        // Let the server finish any work still under way, so that one edit's build does not delay the next.
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
  } finally {
    await browser?.close();
    if (server.child.exitCode === null && server.child.signalCode === null) {
      const exited = new Promise((resolve) => server.child.once("exit", resolve));
      server.child.kill("SIGINT");
      await exited;
    }
  }
  return { startMs, edits };
}
