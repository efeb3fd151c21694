// The W3C Nu HTML checker (vnu-jar, on the machine's Java) over a built site: the errors it finds, one line each.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

export async function htmlErrors(site: string): Promise<string[]> {
  const vnuJar = createRequire(import.meta.url)("vnu-jar") as string;
  const run = promisify(execFile)("java", ["-jar", vnuJar, "--errors-only", "--format", "json", "--skip-non-html", site], { maxBuffer: 64 * 1024 * 1024 });
  // vnu exits non-zero when it finds errors, and reports them on stderr either way.
  const { stderr } = await run.then((result) => result, (error: { stderr: string }) => error);
  const messages = (JSON.parse(stderr) as { messages: Array<{ type: string; url: string; message: string; lastLine?: number }> }).messages;
  return messages.filter((m) => m.type === "error").map((m) => `${m.url.replace(`file:${site}`, "")}:${m.lastLine}: ${m.message}`);
}
