// Where the edition lives, for every command: the folder named by EDITION_ROOT (relative to the current folder),
// which holds content/, annotations/ and edition/; without it, the current folder, which in this repository is the
// default edition. Publishing another edition is a matter of pointing this at it, never of editing src/.
import path from "node:path";

export function editionRoot(): string {
  return path.resolve(process.env.EDITION_ROOT || process.cwd());
}
