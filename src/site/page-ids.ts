// Every id a page gives an element that is made from the edition's content, in one place, so that no two can
// collide, whatever the content. The edition's ids (people, sources, messages, notes) are lowercase letters, digits
// and hyphens. Each is used under a namespace of its own ("person-", "source-", "message-", "note-", "ref-"), and
// anything after it begins with a capital letter ("-L3", "-Heading", "-Fn-1"), which no id of the edition has: so
// an id names one thing only. The site's own ids ("main", "cite-heading", "on-2016-09-20", "v1.0.0") start with
// none of the namespaces and have no capital letter. Regression: a person whose id was "main" was given
// id="main", as <main> is, and footnotes in two notes on one page shared their ids.

/** The namespaces of ids made from content; the site's own ids start with none of them. */
export const CONTENT_NAMESPACES = ["person-", "source-", "message-", "note-", "ref-"] as const;

export const pageIds = {
  /** A person's entry on the people page. */
  person: (id: string) => `person-${id}`,
  /** A source's heading on the sources page. */
  source: (id: string) => `source-${id}`,
  /** A message's entry in the thread, and its bubble in the conversation. */
  message: (id: string) => `message-${id}`,
  /** A message's heading in the conversation. */
  conversationHeading: (id: string) => `${id}-Heading`,
  /**
   * What a transcript's own ids (`L3`, `Fn-1`) get before them in the conversation, where every transcript shares
   * the page: `2016-09-20-wikileaks-L3`, the line's published address there.
   */
  conversationScope: (id: string) => `${id}-`,
  /** A day's heading in the conversation. */
  day: (date: string) => `on-${date}`,
};
