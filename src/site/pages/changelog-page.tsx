/** @jsxRuntime automatic @jsxImportSource hastscript */
// The changelog: what each version of the edition changed, line by line, so that a citation of an earlier version
// can be followed to the text it cited.
import type { ElementContent } from "hast";
import { renderPage } from "../layout.tsx";
import type { EditionModel } from "../site-model.ts";

export function changelogPage(model: EditionModel): string {
  const { changelog, meta } = model.edition;
  const main = (
    <div className="changelog-page prose">
      <h1>Changelog</h1>
      <p>
        This is version {meta.version}. A published line keeps its number in every later version: a corrected line is
        listed here; an inserted line is numbered after the line it follows (2a, 2b); a withdrawn line keeps its
        number, and its anchor leads to a notice.
      </p>
      {changelog.map((entry) => (
        <section aria-labelledby={`v${entry.version}`}>
          <h2 id={`v${entry.version}`}>{`Version ${entry.version}, ${entry.date}`}</h2>
          {entry.summary ? <p>{entry.summary}</p> : []}
          {entry.changes.length ? (
            <ul>
              {entry.changes.map((change) => (
                <li>
                  <strong>{change.type}</strong>
                  {change.message
                    ? [
                        " · ",
                        <a href={`${model.urls.message(change.message)}${change.line ? `#L${change.line}` : ""}`}>
                          {change.line ? `${change.message}, line ${change.line}` : change.message}
                        </a>,
                      ]
                    : []}
                  {change.annotation && model.notesById.has(change.annotation)
                    ? [" · ", <a href={model.urls.note(change.annotation, model.notesById.get(change.annotation)!.message.message.id)}>{`note ${change.annotation}`}</a>]
                    : change.annotation
                      ? ` · note ${change.annotation}`
                      : []}
                  {`: ${change.description}`}
                </li>
              ))}
            </ul>
          ) : (
            []
          )}
        </section>
      ))}
    </div>
  ) as ElementContent;
  return renderPage(model, { title: "Changelog", path: model.urls.changelog(), main, bodyClass: "page-changelog" });
}
