// Pages are built as hast trees (hastscript JSX), so that every value from the content is escaped by
// construction; only HTML that has already been through the sanitising render stage is inserted raw.
import type { Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import type {} from "mdast-util-to-hast";

/** Inserts HTML produced by the render stage, which has been sanitised there. */
export function sanitised(html: string): RootContent {
  return { type: "raw", value: html };
}

export function documentToString(tree: RootContent): string {
  const root: Root = { type: "root", children: [{ type: "doctype" }, tree] };
  return toHtml(root, { allowDangerousHtml: true });
}
