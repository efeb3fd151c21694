// The conversation view's reading of the thread: which side of the page each message sits on, where a new day
// begins, and where a writer wrote again without an answer. Worked out once per page, in one pass.
import type { Message } from "../load/model.ts";
import type { MessageEntry, RenderedMessage } from "../render/rendered.ts";
import { formatDate, formatDuration, PUBLIC_KINDS, sentInstant } from "./format.ts";


export type Side = "opening" | "answering" | "public";

export interface ConversationEntry {
  rendered: RenderedMessage;
  side: Side;
  /** The day this message begins, when it is the first of its day on the page ("September 20, 2016"). */
  newDay?: string;
  /** When the same writer wrote again with no private message from anyone between: how long the silence was. */
  noReply?: { after: string; approximate: boolean };
}

/** Messages written to someone; posts and statements are addressed to the public and sit across the page. */
export const isPrivate = (message: Pick<Message, "kind">) => !PUBLIC_KINDS.has(message.kind);

/**
 * Whoever wrote the edition's first private message opens the conversation and sits on one side; everyone who
 * writes back sits on the other, as in a messaging app, whatever the number of participants.
 */
export function openingWriter(messages: readonly MessageEntry[]): string | undefined {
  return messages.find(({ message }) => isPrivate(message))?.message.from;
}

/**
 * The entries of one page of the conversation. `before` is the private message just before the page (from the
 * previous page), so that a silence across a page break is still told.
 */
export function conversationEntries(
  messages: readonly RenderedMessage[],
  opener: string | undefined,
  before?: Message,
): ConversationEntry[] {
  const entries: ConversationEntry[] = [];
  let lastPrivate = before;
  let lastDay: string | undefined;
  for (const rendered of messages) {
    const { message } = rendered;
    const entry: ConversationEntry = { rendered, side: !isPrivate(message) ? "public" : message.from === opener ? "opening" : "answering" };
    const day = formatDate(message.time);
    if (day !== lastDay) entry.newDay = lastDay = day;
    if (isPrivate(message)) {
      if (lastPrivate && lastPrivate.from === message.from) {
        const silence = sentInstant(message.time) - sentInstant(lastPrivate.time);
        // Two messages sent the same day in a row are one turn, not a silence.
        if (silence >= 24 * 3_600_000)
          entry.noReply = {
            after: formatDuration(silence),
            approximate: message.precision === "month" || lastPrivate.precision === "month",
          };
      }
      lastPrivate = message;
    }
    entries.push(entry);
  }
  return entries;
}
