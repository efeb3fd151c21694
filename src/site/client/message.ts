// Message pages: a range target such as #L2-L4 is highlighted on arrival (single lines use CSS :target alone),
// the words a reader searched for are highlighted when they arrive from search, and on narrow screens notes open
// under their lines.
import { highlightSearchedWords } from "./highlight-words.ts";
import { enableInlineNotes } from "./inline-notes.ts";
import { decodePercent } from "../../render/decode-percent.ts";

function highlightRange(): void {
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

highlightRange();
window.addEventListener("hashchange", highlightRange);
highlightSearchedWords(".transcript, .notes");
enableInlineNotes();
