// Annotating from the page, in `npm start` only (page-tools.ts adds this script as pages are served; the built site
// never has it). Select words of a transcript, or click a line number (and shift-click another), and "Add a note"
// opens the form; each note on a message page gets Edit and Delete; the build's report on the message, such as
// notes moved by a correction of its transcript, is shown above it. Saving writes the file in annotations/ through
// npm start, whose rebuild reloads the page with the note in place.
//
// The page reloads on every rebuild, including ones caused by the editor's own editor: a draft in the form is kept
// in sessionStorage and the form opened again with it, so that nothing typed is lost.
import { call, sessionToken, type Context, type NoteFields } from "./api.ts";
import { confirmDelete, element, openNoteForm, problemList, type FormState } from "./note-form.ts";
import { selectedQuote, selectionEnd, transcriptBoxes, type TranscriptBox } from "./selection.ts";

const DRAFT = `annotate-draft:${location.pathname}`;
const FLASH = "annotate-flash";
const FLASH_LIFETIME = 30_000;

interface Flash {
  page: string;
  text: string;
  /** The note that must be on the page (added, edited) or gone from it (deleted) before the message is shown. */
  note: string;
  gone?: boolean;
  time: number;
}

const store = {
  read<T>(key: string): T | undefined {
    try {
      const value = sessionStorage.getItem(key);
      return value ? (JSON.parse(value) as T) : undefined;
    } catch {
      return undefined;
    }
  },
  write(key: string, value: unknown) {
    try {
      if (value === undefined) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage can be full or refused; the form still works, a reload just loses the draft.
    }
  },
};

function toast(text: string): void {
  document.querySelector(".annotate-toast")?.remove();
  const box = element("div", { className: "annotate-toast" }, element("p", {}, text));
  box.setAttribute("role", "status");
  const dismiss = element("button", { type: "button", className: "annotate-toast-close" }, "Dismiss");
  dismiss.addEventListener("click", () => box.remove());
  box.append(dismiss);
  document.body.append(box);
  // It says what happened and goes, unless the pointer or the focus is on it.
  const leave = () => setTimeout(() => !box.matches(":hover, :focus-within") && box.remove(), 12_000);
  leave();
  box.addEventListener("mouseleave", leave);
}

/** After a save, the page that reloads with the change says so, and shows the note. */
function showFlash(): void {
  const flash = store.read<Flash>(FLASH);
  if (!flash || flash.page !== location.pathname) return;
  if (Date.now() - flash.time > FLASH_LIFETIME) return store.write(FLASH, undefined);
  const note = document.getElementById(`note-${flash.note}`);
  // A rebuild that began before the save reloads the page once more without it: wait for the one with it.
  if (flash.gone ? note : !note) return toast(`${flash.text} Rebuilding…`);
  store.write(FLASH, undefined);
  toast(flash.text);
  if (note) {
    note.classList.add("annotate-just-saved");
    note.scrollIntoView({ block: "center" });
  }
}

function labelOf(note: HTMLElement): string {
  const number = note.querySelector(".note-number")?.textContent?.trim();
  return number ? `note ${number}` : "this note";
}

async function start(): Promise<void> {
  if (!sessionToken()) return;
  const boxes = transcriptBoxes();
  if (!boxes.length) return;
  const single = document.body.classList.contains("page-message") ? boxes[0] : undefined;
  const loaded = await call<Context>("GET", `context${single ? `?message=${encodeURIComponent(single.message)}` : ""}`);
  if (!loaded.ok) return toast(`Annotating is unavailable: ${loaded.error}`);
  const context = loaded.value;
  document.body.classList.add("annotating");

  let open: HTMLDialogElement | undefined;
  const form = (state: FormState, restored = false, passage?: Range) => {
    addButton.hidden = true;
    // The words the note will be on stay marked beside the form (the CSS Custom Highlight API marks a range without
    // touching the page's elements, which the sidenotes' layout reads).
    const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
    const Highlight = (globalThis as { Highlight?: new (range: Range) => unknown }).Highlight;
    if (passage && highlights && Highlight) highlights.set("annotate-passage", new Highlight(passage));
    open = openNoteForm(context, state, {
      changed: (draft) => store.write(DRAFT, draft),
      closed: (saved) => {
        open = undefined;
        highlights?.delete("annotate-passage");
        store.write(DRAFT, undefined);
        if (!saved) return;
        const text = `${saved.action === "added" ? "Saved" : "Updated"} ${saved.path}: the page is built again with the note in place.`;
        store.write(FLASH, { page: location.pathname, text, note: saved.id, time: Date.now() } satisfies Flash);
        toast(`${saved.action === "added" ? "Saved" : "Updated"} ${saved.path}. Rebuilding…`);
      },
    }, restored);
  };
  const newFields = (): NoteFields => ({ kind: context.kinds[0]?.value ?? "context", title: "", sources: [], body: "" });

  // "Add a note", next to the words selected.
  const addButton = element("button", { type: "button", className: "annotate-add", hidden: true }, "Add a note");
  // Pressing it must not take the selection away before it is read.
  addButton.addEventListener("pointerdown", (event) => event.preventDefault());
  document.body.append(addButton);
  let pending: ReturnType<typeof selectedQuote>;
  let pendingRange: Range | undefined;
  const follow = () => {
    if (open) return;
    pending = selectedQuote(document.getSelection(), boxes);
    pendingRange = pending ? document.getSelection()!.getRangeAt(0).cloneRange() : undefined;
    const end = pending && selectionEnd(document.getSelection()!);
    addButton.hidden = !pending || !end;
    if (!pending || !end) return;
    const maxLeft = document.documentElement.clientWidth + window.scrollX - addButton.offsetWidth - 8;
    addButton.style.top = `${end.top + 6}px`;
    addButton.style.left = `${Math.max(8 + window.scrollX, Math.min(end.left - addButton.offsetWidth / 2, maxLeft))}px`;
  };
  let timer: number | undefined;
  document.addEventListener("selectionchange", () => {
    clearTimeout(timer);
    timer = window.setTimeout(follow, 120);
  });
  // Words selected while the tools were still loading get their button too.
  if (!document.getSelection()?.isCollapsed) follow();
  addButton.addEventListener("click", () => {
    if (!pending) return;
    const { message, quote, at, firstLine, lastLine, messages } = pending;
    form({ subject: { mode: "add", target: { message, quote, at, firstLine, lastLine, messages }, shown: quote }, fields: newFields() }, false, pendingRange);
  });

  // A line number clicked (and another shift-clicked) chooses whole lines, as for citing (site/client/cite.ts):
  // the citation that opens under them gets the same control.
  if (single) enableLineNotes(single, (first, last, text) => form({ subject: { mode: "add", target: { message: single.message, lines: first === last ? first : `${first}-${last}`, firstLine: first, lastLine: last }, shown: text }, fields: newFields() }));

  // Edit and Delete on each note of the page.
  for (const { id, path } of context.notes) {
    const note = document.getElementById(`note-${id}`);
    const links = note?.querySelector(".note-links");
    if (!note || !links) continue;
    const edit = element("button", { type: "button", className: "annotate-note-action" }, "Edit");
    const remove = element("button", { type: "button", className: "annotate-note-action" }, "Delete");
    edit.setAttribute("aria-label", `Edit ${labelOf(note)} (${path})`);
    remove.setAttribute("aria-label", `Delete ${labelOf(note)} (${path})`);
    links.append(" · ", edit, " · ", remove);
    edit.addEventListener("click", async () => {
      const file = await call<{ id: string; path: string; hash: string; fields: NoteFields }>("GET", `note?id=${encodeURIComponent(id)}`);
      if (!file.ok) return toast(file.error);
      const shown = note.querySelector(".note-quote")?.textContent?.trim() ?? "";
      form({ subject: { mode: "edit", id, path: file.value.path, hash: file.value.hash, shown }, fields: file.value.fields });
    });
    remove.addEventListener("click", async () => {
      // The hash of the file as it is now, asked for before the question: a change made while it is asked stops it.
      const file = await call<{ path: string; hash: string }>("GET", `note?id=${encodeURIComponent(id)}`);
      if (!file.ok) return toast(file.error);
      if (!(await confirmDelete(file.value.path, labelOf(note)))) return;
      const result = await call<{ path: string }>("DELETE", "note", { id, hash: file.value.hash });
      if (!result.ok) return showRefusal(note, result.error, result.problems);
      store.write(FLASH, { page: location.pathname, text: `Deleted ${result.value.path}.`, note: id, gone: true, time: Date.now() } satisfies Flash);
      toast(`Deleted ${result.value.path}. Rebuilding…`);
    });
  }

  if (single && context.report.length) showReport(single, context);

  const draft = store.read<FormState>(DRAFT);
  if (draft) form(draft, true);
  showFlash();
}

function showRefusal(note: HTMLElement, error: string, problems: Parameters<typeof problemList>[0]): void {
  note.querySelector(".annotate-refusal")?.remove();
  const box = element("div", { className: "annotate-refusal annotate-problems" }, element("p", { className: "annotate-problems-head" }, error), ...(problems.length ? [problemList(problems)] : []));
  box.setAttribute("role", "alert");
  note.append(box);
}

/** The build's warnings on this message and its notes, above the transcript, as the terminal shows them. */
function showReport(box: TranscriptBox, context: Context): void {
  const reading = box.element.closest(".reading") ?? box.element;
  const headingId = "annotate-report-heading";
  const count = context.report.length;
  const section = element(
    "section",
    { className: "annotate-report" },
    element("h2", { id: headingId }, `The build's report on this message: ${count} ${count === 1 ? "problem" : "problems"}`),
    element("p", { className: "annotate-report-lead" }, "What npm start printed for this transcript and its notes at the last build (moved notes after a correction, placeholders left). Shown only while annotating."),
    problemList(context.report),
  );
  section.setAttribute("aria-labelledby", headingId);
  reading.before(section);
}

/** Whole lines chosen by their numbers get "Add a note" beside the citation that opens under them. */
function enableLineNotes(box: TranscriptBox, add: (first: string, last: string, text: string) => void): void {
  const button = element("button", { type: "button", className: "annotate-add-lines" }, "Add a note");
  const place = () => {
    const chosen = [...box.element.querySelectorAll<HTMLElement>(".line.selected[data-line]")];
    const first = chosen[0]?.dataset.line;
    const last = chosen.at(-1)?.dataset.line;
    const actions = document.querySelector(".cite-float .cite-float-actions");
    if (!first || !last || !actions) return button.remove();
    button.textContent = first === last ? `Add a note on line ${first}` : `Add a note on lines ${first}–${last}`;
    button.onclick = () => add(first, last, chosen.map((line) => line.querySelector(".line-text")?.textContent ?? "").join("\n"));
    if (button.parentElement !== actions) actions.prepend(button);
  };
  // cite.ts answers the click on the number itself; this runs after it, once the lines are marked as chosen.
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest(".transcript a.line-number, .cite-float-clear")) setTimeout(place, 0);
  });
}

void start();
