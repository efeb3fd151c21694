// Two cold builds of the same edition, on machines set up differently (locale, time zone), give byte-identical
// sites, search index included: no file carries a build time, and nothing is ordered or worded by the machine's
// locale. Regression: same-day messages were ordered with localeCompare, so `…-aaron` came after `…-zoe` under
// da_DK, where "aa" sorts as "å"; and the old test compared a cold build with a warm one in one process.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { makeEdition, PROJECT_ROOT } from "../helpers/edition.ts";

const run = promisify(execFile);

/** This process's environment without any locale or time zone, plus `env`. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "LANG" && name !== "TZ" && !name.startsWith("LC_")));
  return { ...clean, ...env };
}
const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const contents = new Map<string, Buffer>();
  for (const file of files) {
    const full = path.join(file.parentPath, file.name);
    contents.set(path.relative(dir, full), await readFile(full));
  }
  return contents;
}

/** Two letters on one day, whose ids a Danish collation puts in the other order. */
function sameDayLetters(): Record<string, string> {
  const letter = (id: string, text: string) =>
    `---\nid: ${id}\nkind: letter\nplatform: Letter\nfrom: ben\nto: [ada]\nsent: 1901-04-03\nprecision: day\ncompleteness: complete\nsources: [gazette]\n---\n${text}\n`;
  return {
    "content/1901-04-03-zoe.md": letter("1901-04-03-zoe", "The letter filed second by its id."),
    "content/1901-04-03-aaron.md": letter("1901-04-03-aaron", "The letter filed first by its id."),
  };
}

/** A build in its own process, from a fresh copy of the edition (so with no render cache), in the environment given. */
async function coldBuild(env: Record<string, string>): Promise<string> {
  const root = await makeEdition("small", sameDayLetters());
  const output = await mkdtemp(path.join(os.tmpdir(), "determinism-"));
  cleanup.push(root, output);
  await run(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(PROJECT_ROOT, "src/cli/build.ts"), "--output", output], {
    cwd: root,
    env: environment(env),
  });
  return output;
}

/** The locale and time zone Node's ICU takes from an environment, to prove the builds really ran under different ones. */
async function intlOf(env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, ["-e", "const o = Intl.DateTimeFormat().resolvedOptions(); console.log(o.locale, o.timeZone, ['aaron', 'zoe'].sort((a, b) => a.localeCompare(b)).join())"], {
    env: environment(env),
  });
  return stdout.trim();
}

describe("deterministic builds", () => {
  it("gives byte-identical output from two cold builds, one under the Danish locale and another time zone", async () => {
    // Node's ICU reads the locale from the environment whether or not the C library has it generated.
    const english = { LANG: "en_US.UTF-8", TZ: "UTC" };
    const danish = { LC_ALL: "da_DK.UTF-8", TZ: "Pacific/Kiritimati" };
    expect(await intlOf(english)).toBe("en-US UTC aaron,zoe");
    expect(await intlOf(danish)).toBe("da-DK Pacific/Kiritimati zoe,aaron");

    const outputs = [await coldBuild(english), await coldBuild(danish)];
    const [first, second] = await Promise.all(outputs.map(snapshot));
    expect([...second!.keys()].sort()).toEqual([...first!.keys()].sort());
    expect(first!.size).toBeGreaterThan(20);
    const different = [...first!].filter(([file, bytes]) => !bytes.equals(second!.get(file)!)).map(([file]) => file);
    expect(different).toEqual([]);

    // And the order is the ids' own: aaron before zoe on the thread page.
    const thread = first!.get("index.html")!.toString("utf8");
    expect(thread.indexOf("/messages/1901-04-03-aaron/")).toBeGreaterThan(-1);
    expect(thread.indexOf("/messages/1901-04-03-aaron/")).toBeLessThan(thread.indexOf("/messages/1901-04-03-zoe/"));
  }, 180_000);
});
