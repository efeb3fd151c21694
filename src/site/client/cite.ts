// The "cite this" panel: choose a line or a range (click a line number, shift-click another), a note, or the
// whole message or note; choose a format; copy. Formatting is citation-js (src/cite/), loaded on first use.
import { lineRangeFragment } from "../../anchor/line-labels.ts";
import { CITATION_ELEMENTS, isCitationLink } from "../../cite/citation-markup.ts";
import type { CslItem, LineSelection } from "../../cite/index.ts";
import { decodePercent } from "../../render/decode-percent.ts";
import { textDirective } from "../../cite/text-fragment.ts";
import { pageBlocks } from "./page-blocks.ts";
import { describeSelection } from "./reference-metadata.ts";

type Formatter = typeof import("./cite-formatter.ts");

interface CiteData {
  whole: CslItem;
  notes: CslItem[];
}

let formatter: Promise<Formatter> | undefined;
const loadFormatter = () =>
  (formatter ??= import(/* @vite-ignore */ new URL("./cite-formatter.js", import.meta.url).href) as Promise<Formatter>);

/** Citation HTML from citeproc, rebuilt node by node with only what citations use (cite/citation-markup.ts). */
function safeNodes(html: string): Node[] {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html").body;
  const copy = (node: Node): Node[] => {
    if (node.nodeType === Node.TEXT_NODE) return [document.createTextNode(node.textContent ?? "")];
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    const element = node as Element;
    const children = [...element.childNodes].flatMap(copy);
    const tag = element.tagName.toLowerCase();
    const classes = Object.hasOwn(CITATION_ELEMENTS, tag) ? CITATION_ELEMENTS[tag]! : undefined;
    if (!classes) return children;
    const clean = document.createElement(tag);
    if (tag === "a") {
      const href = element.getAttribute("href") ?? "";
      if (isCitationLink(href)) (clean as HTMLAnchorElement).href = href;
    }
    for (const name of element.classList) if (classes.includes(name)) clean.classList.add(name);
    clean.append(...children);
    return [clean];
  };
  return [...body.childNodes].flatMap(copy);
}

function start(): void {
  const section = document.querySelector<HTMLElement>("section.cite");
  const dataElement = section?.querySelector("script.cite-data");
  const tool = section?.querySelector<HTMLElement>(".cite-tool");
  if (!section || !dataElement || !tool) return;
  const data = JSON.parse(dataElement.textContent ?? "{}") as CiteData;
  tool.hidden = false;
  section.classList.add("enhanced");

  const what = section.querySelector<HTMLSelectElement>("#cite-what");
  const selectionLabel = section.querySelector<HTMLElement>(".cite-selection");
  const output = section.querySelector<HTMLElement>(".cite-output")!;
  const copyButton = section.querySelector<HTMLButtonElement>(".cite-copy")!;
  const copied = section.querySelector<HTMLElement>(".cite-copied")!;
  const lineNumbers = [...document.querySelectorAll<HTMLAnchorElement>(".transcript .line[id] > a.line-number")];
  const labels = lineNumbers.map((link) => link.dataset.n ?? "");
  let selection: LineSelection | undefined;
  let plain = "";

  const fragmentBox = section.querySelector<HTMLElement>(".cite-fragment");
  const fragmentLink = section.querySelector<HTMLAnchorElement>(".cite-fragment-link");

  /**
   * A text-fragment link (#:~:text=…) to the selected lines, chosen against the whole page's text as the browser
   * will search it (cite/text-fragment.ts); none when no directive can single the lines out.
   */
  const textFragment = (sel: LineSelection): string | undefined => {
    const page = pageBlocks(sel.first, sel.last);
    const directive = page && textDirective(page);
    return directive ? `${data.whole.URL ?? location.href.split("#")[0]}#:~:text=${directive}` : undefined;
  };

  const format = () => section.querySelector<HTMLInputElement>('input[name="cite-format"]:checked')?.value ?? "chicago";

  const showSelection = () => {
    document.querySelectorAll(".transcript .line.selected").forEach((line) => line.classList.remove("selected"));
    if (!selection) {
      if (selectionLabel) selectionLabel.textContent = "";
      return;
    }
    const from = labels.indexOf(selection.first);
    const to = labels.indexOf(selection.last);
    lineNumbers.slice(from, to + 1).forEach((link) => link.parentElement?.classList.add("selected"));
    if (selectionLabel)
      selectionLabel.textContent = selection.first === selection.last ? `Line ${selection.first} selected` : `Lines ${selection.first}–${selection.last} selected`;
  };

  const update = async () => {
    const { accessedOn, formatCitation, formatCitationHtml, withLineSelection } = await loadFormatter();
    const choice = what?.value ?? "whole";
    let item = data.whole;
    if (choice === "lines" && selection) item = withLineSelection(data.whole, selection);
    else if (choice.startsWith("note-")) item = data.notes[Number(choice.slice(5))] ?? data.whole;
    item = accessedOn(item, new Date());
    output.replaceChildren(...safeNodes(formatCitationHtml(item, format() as never)));
    plain = formatCitation(item, format() as never);
    if (choice === "lines" && selection) floatText.replaceChildren(...safeNodes(formatCitationHtml(item, format() as never)));
    copied.textContent = "";
    if (fragmentBox && fragmentLink) {
      const link = choice === "lines" && selection ? textFragment(selection) : undefined;
      fragmentBox.hidden = !link;
      if (link) {
        fragmentLink.href = link;
        fragmentLink.textContent = link;
      }
    }
  };

  // The citation shows where the reader is looking: right under the lines they chose, with a copy button and a
  // way to the full panel; the panel below keeps every format.
  const float = document.createElement("div");
  float.className = "cite-float";
  float.setAttribute("role", "region");
  float.setAttribute("aria-label", "Citation of the selected lines");
  const floatText = document.createElement("p");
  floatText.className = "cite-float-text";
  floatText.setAttribute("aria-live", "polite");
  const floatActions = document.createElement("p");
  floatActions.className = "cite-float-actions";
  const floatCopy = document.createElement("button");
  floatCopy.type = "button";
  floatCopy.textContent = "Copy citation";
  const floatMore = document.createElement("a");
  floatMore.href = "#cite";
  floatMore.textContent = "Other formats";
  const floatClear = document.createElement("button");
  floatClear.type = "button";
  floatClear.className = "cite-float-clear";
  floatClear.textContent = "Clear";
  const floatStatus = document.createElement("span");
  floatStatus.setAttribute("role", "status");
  floatActions.append(floatCopy, floatMore, floatClear, floatStatus);
  float.append(floatText, floatActions);
  floatMore.addEventListener("click", (event) => {
    event.preventDefault();
    section.scrollIntoView({ block: "start" });
    what?.focus();
  });
  floatCopy.addEventListener("click", async () => {
    await navigator.clipboard.writeText(plain);
    floatStatus.textContent = "Copied.";
  });
  floatClear.addEventListener("click", () => {
    const line = lineNumbers[labels.indexOf(selection?.first ?? "")];
    selection = undefined;
    float.remove();
    history.replaceState(null, "", location.pathname + location.search);
    describeSelection(undefined);
    if (what) what.value = "whole";
    showSelection();
    void update();
    line?.focus();
  });
  const placeFloat = () => {
    if (!selection) return float.remove();
    // Right under the last chosen line, as a note opened on a phone is (client/inline-notes.ts).
    const last = lineNumbers[labels.indexOf(selection.last)]?.closest(".line");
    if (last && float.previousElementSibling !== last) last.after(float);
  };

  lineNumbers.forEach((link, index) => {
    let touch = false;
    link.addEventListener("pointerdown", (event) => (touch = event.pointerType === "touch" || event.pointerType === "pen"));
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const label = labels[index]!;
      // A touch screen has no shift key: a tap on another line while one line is chosen extends the choice to it.
      const extend = selection && (event.shiftKey || (touch && selection.first === selection.last && selection.first !== label));
      if (extend && selection) {
        const anchor = labels.indexOf(selection.first);
        const [from, to] = anchor <= index ? [anchor, index] : [index, labels.indexOf(selection.last)];
        selection = { first: labels[from]!, last: labels[to]! };
      } else selection = { first: label, last: label };
      // The address bar shows the permalink of what is selected, ready to share.
      history.replaceState(null, "", `#${lineRangeFragment(selection.first, selection.last)}`);
      describeSelection(selection);
      if (what) what.value = "lines";
      showSelection();
      placeFloat();
      floatStatus.textContent = "";
      void update();
    });
  });

  // Arriving on #L3 or #L2-L4 selects those lines for citing.
  const fromHash = /^#L(\d+[a-z]?)(?:-L(\d+[a-z]?))?$/.exec(decodePercent(location.hash) ?? "");
  if (fromHash && labels.includes(fromHash[1]!)) {
    selection = { first: fromHash[1]!, last: fromHash[2] && labels.includes(fromHash[2]) ? fromHash[2] : fromHash[1]! };
    if (what) what.value = "lines";
    showSelection();
  }

  what?.addEventListener("change", () => void update());
  section.querySelectorAll('input[name="cite-format"]').forEach((input) => input.addEventListener("change", () => void update()));
  copyButton.addEventListener("click", async () => {
    await navigator.clipboard.writeText(plain);
    copied.textContent = "Copied.";
  });
  // citation-js is most of the page's script: it is fetched when the panel comes near the screen, or at once for a
  // reader who arrived on a line to cite it, so that reading a message never waits for it.
  if (selection) void update();
  else {
    const approach = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      approach.disconnect();
      void update();
    }, { rootMargin: "300px 0px" });
    approach.observe(section);
  }
}

start();
