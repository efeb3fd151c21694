// The form for adding or editing a note: its kind, its sources (from sources.yaml, with search), an optional title,
// and its Markdown with a preview rendered by the build's own note processor on the server. What it reports when a
// save is refused is the build's report on the file, as the terminal prints it. Everything is built with DOM methods;
// the preview is the sanitised HTML the build itself would put on the page.
import { call, type Context, type NoteFields, type ReportedProblem } from "./api.ts";

/** What a new note is anchored to, from the selection or the chosen line numbers. */
export interface NewTarget {
  message: string;
  quote?: string;
  at?: { line: string; offset: number };
  lines?: string;
  firstLine: string;
  lastLine: string;
  /** Messages the selection ran over, when more than one. */
  messages?: string[];
}

export type FormSubject =
  | { mode: "add"; target: NewTarget; shown: string }
  | { mode: "edit"; id: string; path: string; hash: string; shown: string };

export interface FormState {
  subject: FormSubject;
  fields: NoteFields;
}

export interface FormHooks {
  /** Called with every change, so that the draft outlives a reload of the page. */
  changed(state: FormState): void;
  /** Called once the file is written (or on Cancel, with undefined). */
  closed(saved: { path: string; id: string; action: "added" | "edited" } | undefined): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

let uid = 0;
const fieldId = (name: string) => `annotate-${name}-${++uid}`;

export function problemList(problems: readonly ReportedProblem[]): HTMLElement {
  return element(
    "ul",
    { className: "annotate-problem-list" },
    ...problems.map((problem) =>
      element("li", { className: `annotate-problem is-${problem.severity}` }, element("code", { className: "annotate-problem-text" }, problem.text), ...(problem.hint ? [element("span", { className: "annotate-problem-hint" }, `hint: ${problem.hint}`)] : [])),
    ),
  );
}

const lineSpan = (first: string, last: string) => (first === last ? `line ${first}` : `lines ${first}–${last}`);

export function openNoteForm(context: Context, state: FormState, hooks: FormHooks, restored = false): HTMLDialogElement {
  const { subject } = state;
  const fields: NoteFields = { ...state.fields, sources: [...state.fields.sources] };
  const headingId = fieldId("heading");
  const dialog = element("dialog", { className: "annotate-dialog" });
  dialog.setAttribute("aria-labelledby", headingId);
  const form = element("form", { className: "annotate-form", method: "dialog", noValidate: true });

  const heading = element("h2", { id: headingId }, subject.mode === "add" ? "Add a note" : "Edit the note");
  const where = element("p", { className: "annotate-where" });
  if (subject.mode === "add") {
    const { target } = subject;
    where.append(`On ${lineSpan(target.firstLine, target.lastLine)} of `, element("code", {}, target.message), target.lines !== undefined ? " (whole lines)" : "");
    if (target.messages && target.messages.length > 1) where.append(element("span", { className: "annotate-warning" }, ` The selection runs into ${target.messages.slice(1).join(", ")}.`));
  } else where.append("The file ", element("code", { className: "annotate-path" }, subject.path));
  const quote = element("blockquote", { className: "annotate-quote" }, element("p", {}, subject.shown));
  const problems = element("div", { className: "annotate-problems", hidden: true });
  problems.setAttribute("role", "alert");

  // Kind.
  const kindId = fieldId("kind");
  const kind = element("select", { id: kindId, name: "kind" }, ...context.kinds.map((option) => element("option", { value: option.value, selected: option.value === fields.kind }, option.label)));
  if (!context.kinds.some((option) => option.value === fields.kind)) kind.append(element("option", { value: fields.kind, selected: true }, fields.kind));
  const kindRow = element("p", { className: "annotate-row" }, element("label", { htmlFor: kindId }, "Kind"), kind);

  // Sources: every source of sources.yaml, found by its name or id; an id typed that is not one of them is kept as
  // typed, for the build's check to say so.
  const searchId = fieldId("source-search");
  const listId = fieldId("sources");
  const search = element("input", { id: searchId, type: "search", placeholder: "Find a source, or type an id and press Enter", autocomplete: "off" });
  search.setAttribute("aria-controls", listId);
  const list = element("ul", { id: listId, className: "annotate-source-list" });
  const known = new Map(context.sources.map((source) => [source.id, source]));
  const boxes = new Map<string, HTMLInputElement>();
  const addSource = (id: string, checked: boolean) => {
    if (boxes.has(id)) {
      boxes.get(id)!.checked = checked || boxes.get(id)!.checked;
      return;
    }
    const source = known.get(id);
    const box = element("input", { type: "checkbox", value: id, checked });
    box.addEventListener("change", update);
    boxes.set(id, box);
    const label = element("label", {}, box, element("span", { className: "annotate-source-name" }, source?.short ?? id), " ", element("code", {}, id));
    if (!source) label.append(" ", element("span", { className: "annotate-warning" }, "not in edition/sources.yaml"));
    else if (source.title) label.title = source.title;
    list.append(element("li", {}, label));
  };
  for (const source of context.sources) addSource(source.id, fields.sources.includes(source.id));
  for (const id of fields.sources) if (!known.has(id)) addSource(id, true);
  const filter = () => {
    const words = search.value.trim().toLowerCase();
    for (const [id, box] of boxes) {
      const source = known.get(id);
      const haystack = `${id} ${source?.short ?? ""} ${source?.title ?? ""}`.toLowerCase();
      box.closest("li")!.hidden = Boolean(words) && !box.checked && !haystack.includes(words);
    }
  };
  search.addEventListener("input", filter);
  search.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const typed = search.value.trim();
    if (!typed) return;
    const visible = [...boxes.entries()].filter(([, box]) => !box.closest("li")!.hidden && !box.checked);
    const exact = boxes.get(typed);
    if (exact) exact.checked = true;
    else if (visible.length === 1) visible[0]![1].checked = true;
    else addSource(typed, true);
    search.value = "";
    filter();
    update();
  });
  const sources = element("fieldset", { className: "annotate-sources" }, element("legend", {}, "Sources"), search, list);

  // Title and text.
  const titleId = fieldId("title");
  const title = element("input", { id: titleId, type: "text", value: fields.title, autocomplete: "off" });
  const titleRow = element("p", { className: "annotate-row" }, element("label", { htmlFor: titleId }, "Title ", element("span", { className: "annotate-optional" }, "(optional)")), title);
  const bodyId = fieldId("body");
  const body = element("textarea", { id: bodyId, rows: 7, value: fields.body });
  body.setAttribute("spellcheck", "true");
  const bodyRow = element("p", { className: "annotate-row annotate-body-row" }, element("label", { htmlFor: bodyId }, "Note ", element("span", { className: "annotate-optional" }, "(Markdown; link with message:<id>#L3, note:<id>, page:<name>)")), body);
  const previewBody = element("div", { className: "note-body annotate-preview-body" });
  const previewProblems = element("div", { className: "annotate-preview-problems" });
  const preview = element("section", { className: "annotate-preview" }, element("h3", {}, "Preview"), previewBody, previewProblems);
  preview.setAttribute("aria-live", "polite");

  const save = element("button", { type: "submit", className: "annotate-save" }, subject.mode === "add" ? "Save note" : "Save changes");
  const cancel = element("button", { type: "button", className: "annotate-cancel" }, "Cancel");
  const status = element("span", { className: "annotate-status" }, restored ? "Your draft was kept while the page reloaded." : "");
  status.setAttribute("role", "status");
  const actions = element("p", { className: "annotate-actions" }, save, cancel, status);

  form.append(heading, where, quote, problems, kindRow, sources, titleRow, bodyRow, preview, actions);
  dialog.append(form);
  document.body.append(dialog);

  function read(): NoteFields {
    return { kind: kind.value, title: title.value, sources: [...boxes.values()].filter((box) => box.checked).map((box) => box.value), body: body.value };
  }
  function update() {
    Object.assign(fields, read());
    hooks.changed({ subject, fields: { ...fields } });
  }
  kind.addEventListener("change", update);
  title.addEventListener("input", update);

  let previewTimer: number | undefined;
  let previewRun = 0;
  const renderPreview = async () => {
    const run = ++previewRun;
    if (!body.value.trim()) {
      previewBody.replaceChildren(element("p", { className: "annotate-optional" }, "The note's text appears here as the page will show it."));
      previewProblems.replaceChildren();
      return;
    }
    const result = await call<{ html: string; problems: ReportedProblem[] }>("POST", "preview", { body: body.value, ...(subject.mode === "edit" ? { id: subject.id } : {}) });
    if (run !== previewRun) return;
    if (!result.ok) return previewProblems.replaceChildren(element("p", { className: "annotate-warning" }, result.error));
    const parsed = new DOMParser().parseFromString(result.value.html, "text/html");
    previewBody.replaceChildren(...parsed.body.childNodes);
    previewProblems.replaceChildren(...(result.value.problems.length ? [problemList(result.value.problems)] : []));
  };
  body.addEventListener("input", () => {
    update();
    clearTimeout(previewTimer);
    previewTimer = window.setTimeout(() => void renderPreview(), 250);
  });
  void renderPreview();

  const showProblems = (message: string, list: readonly ReportedProblem[]) => {
    problems.hidden = false;
    problems.replaceChildren(element("p", { className: "annotate-problems-head" }, message), ...(list.length ? [problemList(list)] : []));
    problems.scrollIntoView({ block: "nearest" });
  };

  let saving = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (saving) return;
    saving = true;
    save.disabled = true;
    status.textContent = "Saving…";
    const current = read();
    const result =
      subject.mode === "add"
        ? await call<{ id: string; path: string }>("POST", "note", { ...(subject.target.lines !== undefined ? { lines: subject.target.lines } : { quote: subject.target.quote, at: subject.target.at }), message: subject.target.message, ...current })
        : await call<{ id: string; path: string }>("PUT", "note", { id: subject.id, hash: subject.hash, ...current });
    saving = false;
    save.disabled = false;
    if (!result.ok) {
      status.textContent = "Not saved.";
      showProblems(result.error, result.problems);
      return;
    }
    status.textContent = `Saved ${result.value.path}.`;
    dialog.close();
    dialog.remove();
    hooks.closed({ path: result.value.path, id: result.value.id, action: subject.mode === "add" ? "added" : "edited" });
  });
  const close = () => {
    dialog.close();
    dialog.remove();
    hooks.closed(undefined);
  };
  cancel.addEventListener("click", close);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    close();
  });

  dialog.showModal();
  body.focus();
  return dialog;
}

/** Asks before a note's file is deleted; resolves true to delete. */
export function confirmDelete(path: string, label: string): Promise<boolean> {
  return new Promise((resolve) => {
    const headingId = fieldId("delete");
    const dialog = element("dialog", { className: "annotate-dialog annotate-confirm" });
    dialog.setAttribute("aria-labelledby", headingId);
    const yes = element("button", { type: "button", className: "annotate-delete-confirm" }, "Delete the note");
    const no = element("button", { type: "button", className: "annotate-cancel" }, "Keep it");
    dialog.append(
      element("h2", { id: headingId }, `Delete ${label}?`),
      element("p", {}, "Its file, ", element("code", { className: "annotate-path" }, path), ", is removed from the edition, and the page is built again without it."),
      element("p", { className: "annotate-actions" }, yes, no),
    );
    const done = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    yes.addEventListener("click", () => done(true));
    no.addEventListener("click", () => done(false));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}

export { element };
