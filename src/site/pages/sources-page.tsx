/** @jsxRuntime automatic @jsxImportSource hastscript */
// The bibliography of the reporting: each source with what is known about it (and what is not), the messages it
// attests, and, for editions small enough to read one, a matrix of sources × messages that shows where they differ.
import type { ElementContent } from "hast";
import { formatDate, formatSent, messageTitle } from "../format.ts";
import { renderPage } from "../layout.tsx";
import type { EditionModel } from "../site-model.ts";
import { pageIds } from "../page-ids.ts";

/** Past this many messages the matrix is too long to read; each source's own list below still says it all. */
const MATRIX_LIMIT = 200;

/**
 * Which source attests which message, and where the sources differ: a source cited by a variant note on a message
 * gets a link to that note in its cell, so that a reader sees at a glance where to look.
 */
function attestationMatrix(model: EditionModel): ElementContent[] {
  const { sources, people } = model.edition;
  const list = [...sources.values()];
  const messages = model.messages;
  if (!list.length || !messages.length) return [];
  if (messages.length > MATRIX_LIMIT)
    return [<p className="matrix-omitted">{`The matrix of sources and messages is shown for editions of up to ${MATRIX_LIMIT} messages; each source below lists the messages it attests.`}</p>] as ElementContent[];
  const totals = new Map(list.map((source) => [source.id, model.messagesBySource.get(source.id)?.length ?? 0]));
  return [
    <section className="attestation" aria-labelledby="matrix-title">
      <h2 id="matrix-title">Which source attests which message</h2>
      <p className="matrix-legend">
        <span aria-hidden="true">●</span> the source prints the message;{" "}
        <span className="matrix-differs-sample" aria-hidden="true">≠</span> the sources differ on its wording or
        timing, and the link opens the note that compares them.
      </p>
      {/* The scrolling table is a region of its own (so that a keyboard can scroll it), named apart from its section. */}
      <div className="matrix-scroll" tabIndex={0} role="region" aria-label="The matrix, scrollable">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">Message</th>
              {list.map((source) => (
                <th scope="col">
                  <a href={model.urls.source(source.id)}>{source.short}</a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {messages.map(({ message, notes }) => {
              const attesting = new Set(message.sources.map((s) => s.id));
              const variants = notes.filter(({ annotation }) => annotation.kind === "variant");
              return (
                <tr>
                  <th scope="row">
                    <a href={model.urls.message(message.id)}>{messageTitle(message, people)}</a>
                    <span className="matrix-date">{formatSent(message)}</span>
                  </th>
                  {list.map((source) => {
                    const differing = variants.filter(({ annotation }) => annotation.sources.some((s) => s.id === source.id));
                    if (!attesting.has(source.id) && !differing.length)
                      return (
                        <td className="no">
                          <span className="visually-hidden">not attested</span>
                        </td>
                      );
                    return (
                      <td className={attesting.has(source.id) ? (differing.length ? "yes differs" : "yes") : "differs"}>
                        {attesting.has(source.id)
                          ? [<span aria-hidden="true">●</span>, <span className="visually-hidden">attested</span>]
                          : [<span className="visually-hidden">not attested</span>]}
                        {differing.map(({ annotation, anchored }) => (
                          <a
                            className="matrix-variant"
                            href={model.urls.note(annotation.id, message.id)}
                            aria-label={`${source.short} differs: note ${anchored.number}${annotation.title ? `, ${annotation.title}` : ""}`}
                          >
                            ≠
                          </a>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Messages attested</th>
              {list.map((source) => (
                <td>{String(totals.get(source.id))}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>,
  ] as ElementContent[];
}

function known(value: string | null, render: (value: string) => ElementContent | string = (v) => v) {
  return value === null ? <span className="unknown">unknown</span> : render(value);
}

export function sourcesPage(model: EditionModel): string {
  const { sources, people } = model.edition;
  const list = [...sources.values()];
  const main = (
    <div className="sources-page">
      <h1>Sources</h1>
      <p>
        The published reporting that attests each message. Where a source does not say something (its author, its
        exact URL or publication time), it is recorded as unknown rather than guessed.
      </p>
      {attestationMatrix(model)}
      {list.map((source) => {
        const attested = model.messagesBySource.get(source.id) ?? [];
        return (
          <section className="source" aria-labelledby={pageIds.source(source.id)}>
            <h2 id={pageIds.source(source.id)}>{source.short}</h2>
            <dl className="source-meta">
              <div>
                <dt>Title</dt>
                <dd>{known(source.title)}</dd>
              </div>
              <div>
                <dt>Publisher</dt>
                <dd>{known(source.publisher)}</dd>
              </div>
              <div>
                <dt>Author</dt>
                <dd>{known(source.author)}</dd>
              </div>
              <div>
                <dt>Published</dt>
                <dd>
                  {known(source.published, (value) => {
                    const [y, m, d] = value.split("-").map(Number) as [number, number?, number?];
                    return m ? formatDate({ date: value, year: y, month: m, day: d }) : String(y);
                  })}
                </dd>
              </div>
              <div>
                <dt>URL</dt>
                <dd>{known(source.url, (url) => <a href={url} rel="noopener noreferrer">{url}</a> as ElementContent)}</dd>
              </div>
              <div>
                <dt>Kind</dt>
                <dd>{source.kind}</dd>
              </div>
            </dl>
            {source.description ? <p>{source.description}</p> : []}
            {source.note ? <p className="source-note">{source.note}</p> : []}
            <h3>{`Attests ${attested.length} message${attested.length === 1 ? "" : "s"}`}</h3>
            <ul className="attested">
              {attested.map((message) => (
                <li>
                  <a href={model.urls.message(message.id)}>{messageTitle(message, people)}</a>
                  {`, ${formatSent(message)}`}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  ) as ElementContent;
  return renderPage(model, { title: "Sources", path: model.urls.sources(), current: "sources", main, bodyClass: "page-sources" });
}
