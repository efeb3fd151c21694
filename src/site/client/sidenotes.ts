// On a wide screen the notes are sidenotes, as in Tufte's books and the Folger's editions: each stands in the margin
// level with the first line of its passage, or, when the note before it reaches further down, right below that
// one. Notes are moved only down and never over one another, and the column keeps its full height, so no note is
// clipped or hidden. Without script (and on a narrow screen) the notes are the list after the transcript that the
// page is built with.
//
// Opening a note keeps its passage in view: the page scrolls only as far as it must to show the line and its note
// together. When the transcript fits on the screen it stays there while the reader scrolls through long notes
// (CSS keeps it sticky); when neither will do, the note opens right under its line, as on a phone.
//
// The Content-Security-Policy forbids inline style: positions are set through the CSSOM (element.style), which it
// allows. This script is render-blocking (layout.tsx), so the notes are placed before the page is first painted
// and the page does not move while it loads.

export const WIDE = "(min-width: 62rem)";

/** The line a note stands level with: the first line of its passage, or the line of its call. */
function lineOf(noteId: string): HTMLElement | null {
  const mark = document.querySelector(`.transcript mark[data-notes~="${CSS.escape(noteId)}"]`);
  const call = document.getElementById(`ref-${noteId}`);
  return (mark ?? call)?.closest<HTMLElement>(".line") ?? null;
}

const noteIdOf = (note: HTMLElement) => note.id.slice("note-".length);

/** How far down the sticky header reaches, so that nothing is scrolled under it. */
function headerBottom(): number {
  const header = document.querySelector(".site-header");
  if (!header || getComputedStyle(header).position !== "sticky") return 0;
  return Math.max(0, header.getBoundingClientRect().bottom);
}

export interface Sidenotes {
  /** Whether notes are in the margin now. */
  active(): boolean;
  /**
   * Scrolls as little as possible to show the passage (its lines) and its note together; false, without
   * scrolling, when they cannot both be on the screen at once.
   */
  reveal(passage: Element[], note: Element): boolean;
  lineOf(noteId: string): HTMLElement | null;
}

export function enableSidenotes(): Sidenotes | undefined {
  const reading = document.querySelector<HTMLElement>(".reading.has-notes");
  const transcript = reading?.querySelector<HTMLElement>(".transcript");
  const list = reading?.querySelector<HTMLElement>(".notes ol");
  if (!reading || !transcript || !list) return undefined;
  const wide = window.matchMedia(WIDE);
  const notes = [...list.querySelectorAll<HTMLElement>(":scope > li.note")];
  const lines = notes.map((note) => lineOf(noteIdOf(note)));

  const place = () => {
    if (!wide.matches) {
      reading.classList.remove("sidenotes", "transcript-fits");
      for (const note of notes) note.style.removeProperty("margin-top");
      return;
    }
    reading.classList.add("sidenotes");
    // All reads, then all writes: one layout, however many notes. A note's height does not depend on its margin,
    // and the lines are in the other column.
    // The list is a flex column, so its first note's margin does not collapse through it: its top stays put.
    const origin = list.getBoundingClientRect().top;
    const gap = notes[0] ? parseFloat(getComputedStyle(notes[0]).marginBottom) || 0 : 0;
    const heights = notes.map((note) => note.getBoundingClientRect().height);
    // Level means the note's first words beside the line's: its padding and border go above the line's top.
    const inset = (element: Element | null | undefined, ...sides: string[]) =>
      element ? sides.reduce((sum, side) => sum + (parseFloat(getComputedStyle(element).getPropertyValue(side)) || 0), 0) : 0;
    const lift = inset(notes[0], "padding-top", "border-top-width") - inset(lines.find(Boolean), "padding-top");
    const wanted = lines.map((line) => (line ? line.getBoundingClientRect().top - origin - lift : 0));
    let cursor = 0;
    const margins = notes.map((_, i) => {
      const top = Math.max(wanted[i]!, cursor);
      const margin = top - cursor;
      cursor = top + heights[i]! + gap;
      return margin;
    });
    notes.forEach((note, i) => note.style.setProperty("margin-top", `${margins[i]!.toFixed(1)}px`));
    // A transcript that fits beside the notes stays on the screen while the reader goes down them.
    const room = window.innerHeight - headerBottom() - 32;
    reading.classList.toggle("transcript-fits", transcript.getBoundingClientRect().height <= room && cursor > transcript.getBoundingClientRect().height);
  };

  place();
  // Widths change the notes' heights, a citation or an opened note under a line moves the lines below it.
  const observer = new ResizeObserver(() => place());
  observer.observe(transcript);
  for (const note of notes) observer.observe(note);
  wide.addEventListener("change", place);
  window.addEventListener("resize", place);

  const reveal = (passage: Element[], note: Element): boolean => {
    const top = headerBottom() + 12;
    const bottom = window.innerHeight - 12;
    const b = note.getBoundingClientRect();
    const rects = [b, ...passage.map((line) => line.getBoundingClientRect())];
    const from = Math.min(...rects.map((rect) => rect.top));
    const to = Math.max(...rects.map((rect) => rect.bottom));
    if (to - from > bottom - top) {
      // A sticky transcript stays in view however the page scrolls: only the note needs to come into view.
      if (!reading.classList.contains("transcript-fits")) return false;
      const delta = b.top < top ? b.top - top : b.bottom > bottom ? Math.min(b.bottom - bottom, b.top - top) : 0;
      if (delta) window.scrollBy({ top: delta, behavior: "instant" });
      return true;
    }
    const delta = from < top ? from - top : to > bottom ? to - bottom : 0;
    if (delta) window.scrollBy({ top: delta, behavior: "instant" });
    return true;
  };

  // The passage lights up while the pointer or the focus is on its note, so that the eye finds it.
  notes.forEach((note) => {
    const marks = [...document.querySelectorAll(`.transcript mark[data-notes~="${CSS.escape(noteIdOf(note))}"]`)];
    const light = (on: boolean) => () => marks.forEach((mark) => mark.classList.toggle("is-lit", on));
    note.addEventListener("mouseenter", light(true));
    note.addEventListener("mouseleave", light(false));
    note.addEventListener("focusin", light(true));
    note.addEventListener("focusout", light(false));
  });

  return { active: () => wide.matches, reveal, lineOf };
}
