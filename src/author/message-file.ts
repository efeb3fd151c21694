// The text of a transcript file (content/<id>.md): every required field of messageSchema, in the order editors
// write them, with a `# TODO:` comment on each value that was filled in for the editor to confirm.
import { messageSchema, type MessageKind } from "../load/schema.ts";
import type { Precision } from "../load/timestamp.ts";
import { yamlField, yamlIdList, yamlString } from "./yaml-text.ts";

/** What stands in for a source not yet named: a valid id, so that the message loads, that `check` reports as unknown. */
export const PLACEHOLDER_SOURCE = "todo-source";

export const PLATFORM_BY_KIND: Record<MessageKind, string> = {
  "direct-message": "Direct message",
  email: "Email",
  letter: "Letter",
  "public-post": "Public post",
  statement: "Statement",
};

export interface MessageDraft {
  id: string;
  kind: MessageKind;
  platform: string;
  from: string;
  to: string[];
  sent: string;
  precision: Precision;
  time_note?: string;
  completeness: "complete" | "excerpt";
  sources: string[];
  title?: string;
  in_reply_to?: string;
  body: string;
}

/** Which values were filled in rather than given, and so get a comment. */
export interface MessageTodos {
  kind?: boolean;
  platform?: boolean;
  precision?: boolean;
  completeness?: boolean;
  sources?: boolean;
}

/** The front matter as the loader will read it, for validation with messageSchema before anything is written. */
export function messageFrontMatter(draft: MessageDraft): Record<string, unknown> {
  const { body: _body, ...fields } = draft;
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

export function validateMessageDraft(draft: MessageDraft) {
  return messageSchema.safeParse(messageFrontMatter(draft));
}

export function messageFileText(draft: MessageDraft, todo: MessageTodos = {}): string {
  const lines = [
    "---",
    yamlField("id", draft.id),
    yamlField("kind", draft.kind, todo.kind ? "TODO: one of direct-message, email, letter, public-post, statement" : undefined),
    yamlField("platform", yamlString(draft.platform), todo.platform ? 'TODO: the channel as the sources name it, e.g. "Twitter direct message"' : undefined),
    yamlField("from", draft.from),
    ...(draft.to.length ? [yamlField("to", yamlIdList(draft.to))] : []),
    yamlField("sent", yamlString(draft.sent)),
    yamlField("precision", draft.precision, todo.precision ? "from the form of sent; use hour, day, month or approximate (with time_note) if the sources are vaguer" : undefined),
    ...(draft.time_note ? [yamlField("time_note", yamlString(draft.time_note))] : []),
    yamlField("completeness", draft.completeness, todo.completeness ? "TODO: or excerpt, if the sources print only part of the message" : undefined),
    yamlField("sources", yamlIdList(draft.sources), todo.sources ? "TODO: the ids of the sources that print this message (edition/sources.yaml)" : undefined),
    ...(draft.title ? [yamlField("title", yamlString(draft.title))] : []),
    ...(draft.in_reply_to ? [yamlField("in_reply_to", draft.in_reply_to)] : []),
    "---",
  ];
  return `${lines.join("\n")}\n${draft.body}`;
}
