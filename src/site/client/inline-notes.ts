// On a narrow screen the notes come after the whole transcript, far from the words they are about; there a note
// call opens its note right under its line, and closes it again, as a disclosure (client/note-calls.ts decides
// when). On a wide screen the notes sit beside the transcript (client/sidenotes.ts), and a note opens here only
// when it cannot be shown on the screen together with its passage.
// The opened note is a copy of the note's own elements, ids removed. Notes are the edition's content, so nothing
// is ever built from strings of HTML.
import { decodePercent } from "../../render/decode-percent.ts";

const PANEL_CLASS = "inline-note";

export const noteCalls = () => [...document.querySelectorAll<HTMLAnchorElement>(".transcript a.note-call[href^='#note-']")];

export function noteOf(call: HTMLAnchorElement): HTMLElement | null {
  return document.getElementById(decodePercent(call.hash.slice(1)) ?? call.hash.slice(1));
}

function panelOf(call: HTMLAnchorElement): HTMLElement | null {
  const id = call.getAttribute("aria-controls");
  return id ? document.getElementById(id) : null;
}

/** The passage a note is about, lit while its note is open. */
function marksOf(call: HTMLAnchorElement): HTMLElement[] {
  const noteId = decodePercent(call.hash.slice("#note-".length)) ?? "";
  return [...document.querySelectorAll<HTMLElement>(`.transcript mark[data-notes~="${CSS.escape(noteId)}"]`)];
}

function buildPanel(call: HTMLAnchorElement, note: HTMLElement): HTMLElement {
  const label = call.getAttribute("aria-label") ?? "Note";
  const panel = document.createElement("div");
  panel.className = `note ${PANEL_CLASS}`;
  panel.id = `inline-${note.id}`;
  panel.setAttribute("role", "note");
  panel.setAttribute("aria-label", label);
  // The quoted passage is right above, so the copy leaves it out.
  for (const part of note.querySelectorAll(":scope > .note-head, :scope > .note-body, :scope > .note-sources")) {
    panel.append(part.cloneNode(true));
  }
  const actions = document.createElement("p");
  actions.className = "inline-note-actions";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = `Close ${label.toLowerCase()}`;
  close.addEventListener("click", () => {
    collapse(call);
    call.focus();
  });
  actions.append(close);
  const permalink = note.querySelector<HTMLAnchorElement>(".note-links a:not([href^='#'])");
  if (permalink) actions.append(permalink.cloneNode(true));
  panel.append(actions);
  panel.querySelectorAll("[id]").forEach((element) => element.removeAttribute("id"));
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    collapse(call);
    call.focus();
  });
  return panel;
}

/** Under the call's line, after the notes already open there for calls earlier in the line. */
function placePanel(call: HTMLAnchorElement, panel: HTMLElement): void {
  const line = call.closest(".line");
  if (!line) return;
  const callsInLine = [...line.querySelectorAll(".note-call")];
  const position = (element: Element) => callsInLine.findIndex((other) => other.getAttribute("aria-controls") === element.id);
  let before: Element = line;
  while (before.nextElementSibling?.classList.contains(PANEL_CLASS) && position(before.nextElementSibling) < callsInLine.indexOf(call)) {
    before = before.nextElementSibling;
  }
  before.after(panel);
}

export function expand(call: HTMLAnchorElement): void {
  let panel = panelOf(call);
  if (!panel) {
    const note = noteOf(call);
    if (!note) return;
    panel = buildPanel(call, note);
    call.setAttribute("aria-controls", panel.id);
    placePanel(call, panel);
  }
  panel.hidden = false;
  call.setAttribute("aria-expanded", "true");
  marksOf(call).forEach((mark) => mark.classList.add("is-active"));
}

export function collapse(call: HTMLAnchorElement): void {
  const panel = panelOf(call);
  if (panel) panel.hidden = true;
  call.setAttribute("aria-expanded", "false");
  marksOf(call).forEach((mark) => mark.classList.remove("is-active"));
}

export function toggle(call: HTMLAnchorElement): void {
  if (call.getAttribute("aria-expanded") === "true") collapse(call);
  else expand(call);
}

export function becomeDisclosures(): void {
  for (const call of noteCalls()) {
    call.setAttribute("role", "button");
    call.setAttribute("aria-expanded", "false");
  }
}

/** Back to plain links to the notes beside the transcript. */
export function becomeLinks(): void {
  for (const call of noteCalls()) {
    marksOf(call).forEach((mark) => mark.classList.remove("is-active"));
    panelOf(call)?.remove();
    for (const name of ["role", "aria-expanded", "aria-controls"]) call.removeAttribute(name);
  }
}
