/** @jsxRuntime automatic @jsxImportSource hastscript */
// The bibliography of the reporting: each source with what is known about it (and what is not), the messages it
// attests, and, for editions small enough to read one, a matrix of sources × messages.
import type { ElementContent } from "hast";
import { formatDate, formatSent, messageTitle } from "../format.ts";
import { renderPage } from "../layout.tsx";
import type { SiteModel } from "../site-model.ts";

const MATRIX_LIMIT = 60;

function known(value: string | null, render: (value: string) => ElementContent | string = (v) => v) {
  return value === null ? <span className="unknown">unknown</span> : render(value);
}

export function sourcesPage(model: SiteModel): string {
  const { sources, people } = model.edition;
  const messages = model.rendered.messages;
  const list = [...sources.values()];
  const main = (
    <div className="sources-page">
      <h1>Sources</h1>
      <p>
        The published reporting that attests each message. Where a source does not say something (its author, its
        exact URL or publication time), it is recorded as unknown rather than guessed.
      </p>
      {list.map((source) => {
        const attested = model.messagesBySource.get(source.id) ?? [];
        return (
          <section className="source" id={source.id} aria-labelledby={`${source.id}-title`}>
            <h2 id={`${source.id}-title`}>{source.short}</h2>
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
      {messages.length <= MATRIX_LIMIT && list.length ? (
        <section aria-labelledby="matrix-title">
          <h2 id="matrix-title">Which source attests which message</h2>
          <div className="matrix-scroll" tabIndex={0} role="region" aria-labelledby="matrix-title">
            <table className="matrix">
              <thead>
                <tr>
                  <th scope="col">Message</th>
                  {list.map((source) => (
                    <th scope="col">{source.short}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {messages.map(({ message }) => {
                  const attesting = new Set(message.sources.map((s) => s.id));
                  return (
                    <tr>
                      <th scope="row">
                        <a href={model.urls.message(message.id)}>{messageTitle(message, people)}</a>
                        <span className="matrix-date">{formatSent(message)}</span>
                      </th>
                      {list.map((source) =>
                        attesting.has(source.id) ? (
                          <td className="yes">
                            <span aria-hidden="true">●</span>
                            <span className="visually-hidden">attested</span>
                          </td>
                        ) : (
                          <td className="no">
                            <span className="visually-hidden">not attested</span>
                          </td>
                        ),
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        []
      )}
    </div>
  ) as ElementContent;
  return renderPage(model, { title: "Sources", current: "sources", main, bodyClass: "page-sources" });
}
