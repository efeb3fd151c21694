// What a note call does, so that opening a note never takes the reader away from the words it is about.
// - On a narrow screen it is a disclosure: the note opens right under its line and closes again (inline-notes.ts).
// - On a wide screen it is still a link to the note (the address becomes the note's permalink, and Back returns),
//   but the page scrolls only as far as it must to show the passage and its sidenote together (sidenotes.ts);
//   when they cannot both be on the screen, the note also opens under its line.
// - A note's "Back to the passage" goes back in history when the reader came from the passage, and so returns to
//   where they were reading.
// Without script every call is a plain link to its note.
import { decodePercent } from "../../render/decode-percent.ts";
import { becomeDisclosures, becomeLinks, collapse, expand, noteCalls, noteOf, toggle } from "./inline-notes.ts";
import { type Sidenotes, WIDE } from "./sidenotes.ts";

const OPENED_FROM = "openedFromPassage";

const modified = (event: MouseEvent | KeyboardEvent) => event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;

/** The lines of a call's passage, from its first to the line of the call. */
function passageOf(call: HTMLAnchorElement, sidenotes: Sidenotes, noteId: string): HTMLElement[] {
  const last = call.closest<HTMLElement>(".line");
  const first = sidenotes.lineOf(noteId) ?? last;
  return [first, last].filter((line): line is HTMLElement => line !== null);
}

/** Marks the passage of the note the address names, as :target marks the note. */
function lightTargetPassage(): void {
  document.querySelectorAll(".transcript mark.is-target").forEach((mark) => mark.classList.remove("is-target"));
  // A malformed escape in the address (#note-%zz) names no note; decodeURIComponent would throw and stop the script.
  const id = /^#note-(.+)$/.exec(decodePercent(location.hash) ?? "")?.[1];
  if (!id) return;
  document.querySelectorAll(`.transcript mark[data-notes~="${CSS.escape(id)}"]`).forEach((mark) => mark.classList.add("is-target"));
}

export function enableNoteCalls(sidenotes: Sidenotes | undefined): void {
  const calls = new Set(noteCalls());
  lightTargetPassage();
  window.addEventListener("hashchange", lightTargetPassage);
  if (!calls.size) return;
  const wide = () => sidenotes?.active() ?? false;
  const isCall = (target: EventTarget | null): HTMLAnchorElement | null => {
    const call = target instanceof Element ? target.closest<HTMLAnchorElement>("a.note-call") : null;
    return call && calls.has(call) ? call : null;
  };

  const openBeside = (call: HTMLAnchorElement, note: HTMLElement) => {
    const { scrollX, scrollY } = window;
    // Following the link makes the note the page's target and its permalink the address, with a history entry
    // to come back by; the browser's own jump to the note is undone in the same task, before anything is drawn.
    location.hash = note.id;
    history.replaceState({ [OPENED_FROM]: note.id }, "");
    window.scrollTo({ left: scrollX, top: scrollY, behavior: "instant" });
    if (!sidenotes!.reveal(passageOf(call, sidenotes!, note.id.slice("note-".length)), note)) expand(call);
  };

  document.addEventListener("click", (event) => {
    if (modified(event)) return;
    const call = isCall(event.target);
    if (call) {
      const note = noteOf(call);
      if (!note) return;
      event.preventDefault();
      if (!wide()) toggle(call);
      else if (call.getAttribute("aria-expanded") === "true") collapse(call);
      else openBeside(call, note);
      return;
    }
    const back = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>(".notes .note-links a[href^='#ref-']") : null;
    const note = back?.closest<HTMLElement>("li.note");
    if (back && note && history.state?.[OPENED_FROM] === note.id) {
      event.preventDefault();
      history.back();
    }
  });
  // A link answers Enter by itself (as a click); a disclosure also answers Space, and Escape closes it.
  document.addEventListener("keydown", (event) => {
    const call = isCall(event.target);
    if (!call || wide()) return;
    if (event.key === " ") {
      event.preventDefault();
      toggle(call);
    } else if (event.key === "Escape" && call.getAttribute("aria-expanded") === "true") {
      collapse(call);
    }
  });
  // Arriving on a note's permalink (from search, say), the browser puts the note at the top of the screen. On a
  // wide screen its passage comes into view beside it; on a narrow one, where the notes follow the whole
  // transcript, the note opens under its line and the page goes to the passage.
  window.addEventListener("load", () => {
    const note = /^#note-/.test(location.hash) ? document.getElementById(decodePercent(location.hash.slice(1)) ?? "") : null;
    const call = note && document.getElementById(`ref-${note.id.slice("note-".length)}`);
    if (!note || !(call instanceof HTMLAnchorElement) || !calls.has(call)) return;
    if (wide()) sidenotes!.reveal(passageOf(call, sidenotes!, note.id.slice("note-".length)), note);
    else {
      expand(call);
      const [first] = sidenotes ? passageOf(call, sidenotes, note.id.slice("note-".length)) : [call];
      first?.scrollIntoView({ block: "start" });
    }
  });
  const follow = () => {
    becomeLinks();
    if (!wide()) becomeDisclosures();
  };
  window.matchMedia(WIDE).addEventListener("change", follow);
  follow();
}
