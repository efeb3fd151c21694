// Whether a module is the script Node was started with, so that a command runs when it is invoked and not when a
// test imports it. Paths are compared, not URLs: a file URL percent-escapes spaces and non-ASCII letters (and on
// Windows spells the drive as /C:/), which `file://${process.argv[1]}` does not, so that comparison made every
// command exit 0 without doing anything from a folder such as "my edition" or "édition".
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The file's real path (symlinks resolved, as Node resolves the main module), or its absolute path if it has none. */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/** True when `moduleUrl` (a module's `import.meta.url`) is the script Node was started with. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && realPath(fileURLToPath(moduleUrl)) === realPath(script);
}
