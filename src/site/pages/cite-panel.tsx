/** @jsxRuntime automatic @jsxImportSource hastscript */
// "Cite this": a ready citation without JavaScript (Chicago, of the whole message or note, with the permalink),
// and, with JavaScript, a panel to choose a line or range (click a line number, shift-click to extend) or a note,
// a format (Chicago, MLA, APA, BibTeX, RIS, CSL-JSON) and to copy the result (src/site/client/cite.ts).
import type { ElementContent } from "hast";
import type { CslItem } from "../../cite/index.ts";
import { jsonForScript } from "../citations.ts";
import { sanitised } from "../html.ts";
import type { SiteModel } from "../site-model.ts";

export interface CitableChoice {
  /** What the reader picks in the panel ("Note 2: Context, line 3"). */
  label: string;
  item: CslItem;
}

const FORMATS: Array<[value: string, label: string]> = [
  ["chicago", "Chicago (notes)"],
  ["mla", "MLA 9"],
  ["apa", "APA 7"],
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
  ["csl-json", "CSL-JSON"],
];

export function citePanel(
  model: SiteModel,
  options: { heading: string; whole: CslItem; notes?: CitableChoice[]; lines?: boolean },
): ElementContent {
  const { whole, notes = [], lines = false } = options;
  const data = { whole, notes: notes.map((note) => note.item) };
  return (
    <section className="cite" id="cite" aria-labelledby="cite-heading" data-pagefind-ignore="all">
      <h2 id="cite-heading">{options.heading}</h2>
      <div className="cite-static">
        <p className="cite-label">Chicago, full note:</p>
        <div className="citation">{sanitised(model.citations.chicagoHtml(whole))}</div>
        <p className="cite-permalink">
          Permanent link: <a href={whole.URL}>{whole.URL}</a>
        </p>
        {lines ? (
          <p className="cite-lines-help">
            Every line number links to that line’s permanent anchor (…/#L3); a range is written …/#L2-L4.
          </p>
        ) : (
          []
        )}
      </div>
      <div className="cite-tool" hidden="">
        <div className="cite-choose">
          {lines || notes.length ? (
            <p className="cite-target">
              <label htmlFor="cite-what">Cite</label>
              <select id="cite-what">
                <option value="whole">{lines ? "The whole message" : "This note"}</option>
                {lines ? <option value="lines">The selected lines</option> : []}
                {notes.map((note, i) => (
                  <option value={`note-${i}`}>{note.label}</option>
                ))}
              </select>
              {lines ? <span className="cite-selection" aria-live="polite" /> : []}
            </p>
          ) : (
            []
          )}
          {lines ? (
            <p className="cite-help">
              <span className="cite-help-pointer">Click a line number to cite that line; shift-click another to cite the range.</span>
              <span className="cite-help-touch">Tap a line number to cite that line, then tap another to cite the range.</span>
            </p>
          ) : (
            []
          )}
          <fieldset className="cite-formats">
            <legend>Format</legend>
            {FORMATS.map(([value, label], i) => (
              <label>
                <input type="radio" name="cite-format" value={value} checked={i === 0} />
                {label}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="cite-output" role="region" aria-live="polite" aria-label="Citation" />
        {lines ? (
          <p className="cite-fragment" hidden="">
            Link to the words themselves, for browsers and tools that do not know our line anchors:{" "}
            <a className="cite-fragment-link" href="#" />
          </p>
        ) : (
          []
        )}
        <p className="cite-actions">
          <button type="button" className="cite-copy">
            Copy citation
          </button>
          <span className="cite-copied" role="status" />
        </p>
      </div>
      <script type="application/json" className="cite-data">
        {jsonForScript(data)}
      </script>
    </section>
  ) as ElementContent;
}
