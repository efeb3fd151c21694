// Message pages: the notes stand beside their lines on a wide screen (sidenotes.ts) and open under them on a
// narrow one (note-calls.ts); a range target such as #L2-L4 is highlighted on arrival (single lines use CSS
// :target alone), and the words a reader searched for are highlighted when they arrive from search.
import { highlightSearchedWords } from "./highlight-words.ts";
import { enableNoteCalls } from "./note-calls.ts";
import { describeSelection, selectionInHash } from "./reference-metadata.ts";
import { enableSidenotes } from "./sidenotes.ts";
import { decodePercent } from "../../render/decode-percent.ts";

function highlightRange(): void {
  const lineIds = new Set([...document.querySelectorAll(".transcript .line[id]")].map((line) => line.id));
  const named = selectionInHash(location.hash);
  describeSelection(named && lineIds.has(`L${named.first}`) && lineIds.has(`L${named.last}`) ? named : undefined);
  document.querySelectorAll(".line.in-range").forEach((line) => line.classList.remove("in-range", "range-start"));
  const match = /^#L(\d+[a-z]?)-L(\d+[a-z]?)$/.exec(decodePercent(location.hash) ?? "");
  if (!match) return;
  const lines = [...document.querySelectorAll<HTMLElement>(".transcript .line[id]")];
  const from = lines.findIndex((line) => line.id === `L${match[1]}`);
  const to = lines.findIndex((line) => line.id === `L${match[2]}`);
  if (from < 0 || to < from) return;
  for (const line of lines.slice(from, to + 1)) line.classList.add("in-range");
  lines[from]!.classList.add("range-start");
  lines[from]!.scrollIntoView({ block: "center" });
}

// The notes are placed first: this script blocks the first paint, so nothing moves once the page is shown.
const sidenotes = enableSidenotes();
highlightRange();
window.addEventListener("hashchange", highlightRange);
highlightSearchedWords(".transcript, .notes");
enableNoteCalls(sidenotes);
