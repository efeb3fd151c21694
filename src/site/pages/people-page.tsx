/** @jsxRuntime automatic @jsxImportSource hastscript */
// Everyone who appears in the correspondence, with how many messages each sent and received.
import type { ElementContent } from "hast";
import { renderPage } from "../layout.tsx";
import type { EditionModel } from "../site-model.ts";

export function peoplePage(model: EditionModel): string {
  const people = [...model.edition.people.values()];
  const main = (
    <div className="people-page">
      <h1>People</h1>
      <p>Everyone who sends, receives or is named as an author in the correspondence.</p>
      <dl className="people">
        {people.map((person) => {
          const counts = model.messagesByPerson.get(person.id) ?? { sent: 0, received: 0 };
          return (
            <div className="person" id={person.id}>
              <dt>
                {person.name}
                {person.handle ? <span className="handle">{` ${person.handle}`}</span> : []}
              </dt>
              <dd>
                {person.description ? <p>{person.description}</p> : []}
                <p className="person-counts">{`${counts.sent} sent · ${counts.received} received`}</p>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  ) as ElementContent;
  return renderPage(model, { title: "People", path: model.urls.people(), current: "people", main, bodyClass: "page-people" });
}
