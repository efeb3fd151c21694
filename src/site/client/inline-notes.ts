// On a narrow screen the notes come after the whole transcript, far from the words they are about; there a note
// call opens its note right under its line, and closes it again, as a disclosure. On a wide screen the notes sit
// beside the transcript, and the call stays what it is without script: a link to the note.
// The opened note is a copy of the note's own elements, ids removed. Notes are the edition's content, so nothing
// is ever built from strings of HTML.
import { decodePercent } from "../../render/decode-percent.ts";

const WIDE = "(min-width: 62rem)";
const PANEL_CLASS = "inline-note";

const noteCalls = () => [...document.querySelectorAll<HTMLAnchorElement>(".transcript a.note-call[href^='#note-']")];

function noteOf(call: HTMLAnchorElement): HTMLElement | null {
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

function expand(call: HTMLAnchorElement): void {
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

function collapse(call: HTMLAnchorElement): void {
  const panel = panelOf(call);
  if (panel) panel.hidden = true;
  call.setAttribute("aria-expanded", "false");
  marksOf(call).forEach((mark) => mark.classList.remove("is-active"));
}

function toggle(call: HTMLAnchorElement): void {
  if (call.getAttribute("aria-expanded") === "true") collapse(call);
  else expand(call);
}

function becomeDisclosures(): void {
  for (const call of noteCalls()) {
    call.setAttribute("role", "button");
    call.setAttribute("aria-expanded", "false");
  }
}

/** Back to plain links to the notes beside the transcript. */
function becomeLinks(): void {
  for (const call of noteCalls()) {
    marksOf(call).forEach((mark) => mark.classList.remove("is-active"));
    panelOf(call)?.remove();
    for (const name of ["role", "aria-expanded", "aria-controls"]) call.removeAttribute(name);
  }
}

export function enableInlineNotes(): void {
  const wide = window.matchMedia(WIDE);
  const calls = new Set(noteCalls());
  if (!calls.size) return;
  const narrow = () => !wide.matches;
  const isCall = (target: EventTarget | null): HTMLAnchorElement | null => {
    const call = target instanceof Element ? target.closest<HTMLAnchorElement>("a.note-call") : null;
    return call && calls.has(call) ? call : null;
  };
  document.addEventListener("click", (event) => {
    const call = isCall(event.target);
    if (!call || !narrow() || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    toggle(call);
  });
  // A link answers Enter by itself (as a click); a button also answers Space.
  document.addEventListener("keydown", (event) => {
    const call = isCall(event.target);
    if (!call || !narrow()) return;
    if (event.key === " ") {
      event.preventDefault();
      toggle(call);
    } else if (event.key === "Escape" && call.getAttribute("aria-expanded") === "true") {
      collapse(call);
    }
  });
  const follow = () => (narrow() ? becomeDisclosures() : becomeLinks());
  wide.addEventListener("change", follow);
  follow();
}
