// The conversation view: the whole correspondence on one page, each message on its writer's side with every line
// numbered and linkable, every note reachable, days and unanswered turns marked, and a way to each message's page
// and back. Read from the built default edition, checked against the edition as loaded, and in Chromium.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toString } from "hast-util-to-string";
import type { Element } from "hast";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { build } from "../../src/cli/build.ts";
import { loadEdition } from "../../src/load/load-edition.ts";
import { conversationEntries } from "../../src/site/conversation.ts";
import type { Edition } from "../../src/load/model.ts";
import { eventually, useChromium } from "../helpers/browser.ts";
import { makeEdition, PROJECT_ROOT, removeEdition } from "../helpers/edition.ts";

const site = inject("defaultSite");
const pageOf = async (sitePath: string) => fromHtml(await readFile(path.join(site, sitePath, "index.html"), "utf8"));
let edition: Edition;
let conversation: ReturnType<typeof fromHtml>;

beforeAll(async () => {
  const loaded = await loadEdition(PROJECT_ROOT);
  if (!loaded.edition) throw new Error("the default edition does not load");
  edition = loaded.edition;
  conversation = await pageOf("conversation");
});

const bubbles = () => selectAll("li.bubble-row", conversation);

describe("the conversation view of the default edition", () => {
  it("shows every message once, in thread order, each linking to its own page", () => {
    expect(bubbles().map((row) => row.properties.id)).toEqual(edition.messages.map((m) => m.id));
    for (const row of bubbles()) {
      const heading = select(".bubble-head h3 a", row)!;
      expect(heading.properties.href).toBe(`/messages/${row.properties.id}/`);
    }
  });

  it("puts the first writer's messages on one side, the replies on the other, and posts and statements across", () => {
    const opener = edition.messages.find((m) => m.kind === "direct-message")!.from;
    const sides = new Map(bubbles().map((row) => [row.properties.id, (row.properties.className as string[]).find((c) => c.startsWith("side-"))]));
    for (const message of edition.messages) {
      const expected = message.kind === "public-post" || message.kind === "statement" ? "side-public" : message.from === opener ? "side-opening" : "side-answering";
      expect(sides.get(message.id), message.id).toBe(expected);
    }
    // The one-sidedness is visible: both sides are used, and the opening side far more.
    const count = (side: string) => [...sides.values()].filter((s) => s === side).length;
    expect(count("side-answering")).toBeGreaterThan(0);
    expect(count("side-opening")).toBeGreaterThan(count("side-answering"));
  });

  it("keeps every line of every transcript, numbered and with an anchor of its own", async () => {
    for (const message of edition.messages) {
      const own = await pageOf(`messages/${message.id}`);
      const ownLines = selectAll(".transcript .line", own).map((line) => [line.properties.id, toString(select(".line-text", line)!)]);
      const row = select(`li[id="${message.id}"]`, conversation)!;
      const here = selectAll(".line", row).map((line) => [line.properties.id, toString(select(".line-text", line)!)]);
      expect(here, message.id).toEqual(ownLines.map(([id, text]) => [`${message.id}-${id}`, text]));
      for (const link of selectAll("a.line-number", row)) expect(String(link.properties.href)).toMatch(new RegExp(`^#${message.id}-L\\d+[a-z]?$`));
    }
  });

  it("links every note to its place on its message's page", async () => {
    let notes = 0;
    for (const message of edition.messages) {
      const own = await pageOf(`messages/${message.id}`);
      const row = select(`li[id="${message.id}"]`, conversation)!;
      const links = new Set(selectAll("a", row).map((a) => String(a.properties.href)));
      for (const note of selectAll("li.note", own)) {
        expect(links, `${message.id} ${note.properties.id}`).toContain(`/messages/${message.id}/#${note.properties.id}`);
        notes++;
      }
    }
    expect(notes).toBe(edition.annotationCount);
  });

  it("marks each new day once, and each message page links back to its place here", async () => {
    const days = selectAll("h2.conversation-date", conversation).map((h) => toString(h));
    expect(days).toEqual([...new Set(days)]);
    expect(days[0]).toBe("September 20, 2016");
    for (const message of edition.messages) {
      const own = await pageOf(`messages/${message.id}`);
      const back = selectAll(".thread-nav a", own).find((a) => toString(a) === "In the conversation") as Element | undefined;
      expect(back?.properties.href, message.id).toBe(`/conversation/#${message.id}`);
    }
  });
});

describe("silences in the conversation", () => {
  let root: string;
  const letter = (id: string, from: string, to: string, sent: string, text: string) =>
    `---\nid: ${id}\nkind: letter\nplatform: Letter\nfrom: ${from}\nto: [${to}]\nsent: ${sent}\nprecision: minute\ncompleteness: complete\nsources: [gazette]\n---\n${text}\n`;
  beforeAll(async () => {
    // The fixture: Ada writes on April 1, Ben answers on April 2, the Harbour Board writes in May. Then Ada
    // writes twice on June 1, and again on June 20, unanswered.
    root = await makeEdition("small", {
      "content/1901-06-01-ada-again.md": letter("1901-06-01-ada-again", "ada", "ben", "1901-06-01T08:00+00:00", "Are the wicks ordered?"),
      "content/1901-06-01-ada-later.md": letter("1901-06-01-ada-later", "ada", "ben", "1901-06-01T18:00+00:00", "Please answer."),
      "content/1901-06-20-ada-last.md": letter("1901-06-20-ada-last", "ada", "ben", "1901-06-20T09:00+00:00", "The tides are here."),
    });
    await build(root);
  }, 60_000);
  afterAll(() => removeEdition(root));

  it("says how long a writer waited before writing again, and not for two messages of one day", async () => {
    const page = fromHtml(await readFile(path.join(root, "_site", "conversation", "index.html"), "utf8"));
    const silences = selectAll("li.bubble-row", page)
      .map((row) => [row.properties.id, select(".no-reply", row)])
      .filter(([, marker]) => marker)
      .map(([id, marker]) => [id, toString(marker as Element)]);
    // June 1 follows Ben's answer (the Harbour Board's notice is public, not a turn), and Ada's second message
    // that day is the same turn: only June 20 is a silence.
    expect(silences).toEqual([["1901-06-20-ada-last", "No reply in 18 days: Ada Quill writes again"]]);
  });
});

describe("a silence across a page break", () => {
  it("is told on the later page, from the last private message of the page before", async () => {
    const root = await makeEdition("small");
    try {
      const loaded = await loadEdition(root);
      const rendered = (m: Edition["messages"][number]) => ({ message: m, html: "", lines: [], notes: [] });
      const [ada, ben] = loaded.edition!.messages.map(rendered);
      const benAgain = rendered({ ...ben!.message, id: "ben-again", time: { ...ben!.message.time, day: 9, date: "1901-04-09", instant: undefined } });
      // Page 2 begins with Ben writing again; page 1 ended with Ben's letter of April 2.
      const [entry] = conversationEntries([benAgain], ada!.message.from, ben!.message);
      expect(entry!.noReply).toEqual({ after: "7 days", approximate: false });
      expect(entry!.side).toBe("answering");
      expect(conversationEntries([benAgain], ada!.message.from)[0]!.noReply).toBeUndefined();
    } finally {
      await removeEdition(root);
    }
  });
});

describe("the conversation in Chromium", () => {
  const session = useChromium(site);

  it("goes from a message's page to its place in the conversation, and from a line number to that line", async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/messages/2016-09-21-trump-jr/`);
    await page.getByRole("link", { name: "In the conversation" }).click();
    await page.waitForURL(/\/conversation\/#2016-09-21-trump-jr$/);
    const arrived = page.locator("li.bubble-row:target");
    await eventually(() => arrived.getAttribute("id")).toBe("2016-09-21-trump-jr");
    expect(await arrived.locator(".bubble").evaluate((bubble) => getComputedStyle(bubble).boxShadow)).not.toBe("none");

    await arrived.locator("a.line-number").nth(1).click();
    await page.waitForURL(/#2016-09-21-trump-jr-L2$/);
    const line = page.locator(".line:target");
    expect(await line.locator(".line-text").innerText()).toBe("Thanks.");
    const box = await line.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    expect(session.errors).toEqual([]);
  });

  it("opens a message's notes from its bubble and follows one to the note on the message's page", async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/conversation/`);
    const row = page.locator('li[id="2016-09-20-wikileaks"]');
    await row.locator("summary").click();
    const first = row.locator(".bubble-notes a").first();
    await first.click();
    await page.waitForURL(/\/messages\/2016-09-20-wikileaks\/#note-/);
    expect(await page.locator(".note:target").count()).toBe(1);
  });
});
