// What `npm start` serves instead of the site while the edition cannot be built: the report, as the terminal shows
// it (file:line:column, problem, how to fix it), on a page that checks again every two seconds, so that saving the
// fix brings the site back. A stale site would hide the problem; a broken one would hide where it is.
import { h } from "hastscript";
import { toHtml } from "hast-util-to-html";

export function buildErrorPage(report: string): string {
  const tree = h(null, [
    { type: "doctype" },
    h("html", { lang: "en" }, [
      h("head", [
        h("meta", { charset: "utf-8" }),
        h("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
        h("meta", { httpEquiv: "refresh", content: "2" }),
        h("title", "The edition cannot be built"),
        h("link", { rel: "icon", href: "data:," }),
      ]),
      h("body", { style: "margin:0;font:16px/1.5 system-ui,sans-serif;background:#fff4f2;color:#2b1410" }, [
        h("main", { style: "max-width:60rem;margin:0 auto;padding:2rem 1.25rem" }, [
          h("h1", { style: "margin-top:0;font-size:1.6rem" }, "The edition cannot be built"),
          h("p", "Fix the problems below and save the file: this page checks again every two seconds and shows the site once it builds."),
          h("pre", { style: "white-space:pre-wrap;background:#fff;border:1px solid #e3b5ab;border-radius:6px;padding:1rem;font-size:0.9rem;overflow-wrap:anywhere" }, report),
        ]),
      ]),
    ]),
  ]);
  return toHtml(tree);
}
