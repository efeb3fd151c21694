// What the site's pages read. Pages are written in jobs, each with a model of its own, so that no job holds the
// whole edition's HTML: a partition's job (its messages' pages and its conversation pages) reads the partition's
// rendered messages and a few facts about its neighbours; the edition's job (the home page and thread, people,
// sources, search, changelog, editorial pages, exports) reads an entry per message without any HTML. Both share
// the edition's own metadata, its URLs, its citations and its thread pages. Every model is made from plain data,
// which can be sent to a worker thread.
import type { EditorialPage, Message } from "../load/model.ts";
import type { Changelog, EditionMeta, Person, Source } from "../load/schema.ts";
import type { PreviewImage } from "../load/model.ts";
import type { ThreadUnit } from "../pipeline/partitions.ts";
import type { MessageEntry, NoteEntry, RenderedMessage } from "../render/rendered.ts";
import { EditionCitations } from "./citations.ts";
import { formatMonth } from "./format.ts";
import { siteUrls, type SiteUrls } from "./urls.ts";
import { isPrivate } from "./conversation.ts";

export type PageInfo = Omit<EditorialPage, "origin">;

/** The edition's own metadata, without its messages: what every page's shell and citations need. */
export interface EditionShell {
  meta: EditionMeta;
  people: Map<string, Person>;
  sources: Map<string, Source>;
  /** Editorial pages, in navigation order. */
  pages: PageInfo[];
  changelog: Changelog;
  previewImage?: PreviewImage;
}

export interface ThreadPage<T extends MessageEntry = MessageEntry> {
  unit: ThreadUnit;
  messages: T[];
}

export interface SiteModelData {
  shell: EditionShell;
  /** Every page of the thread, in order. */
  units: ThreadUnit[];
  totals: { messages: number; notes: number };
  /** The Pagefind bundles a search covers, as site paths, in reading order (see pipeline/partitions.ts). */
  bundles: { primary: string; merge: string[] };
}

/** Remembers what a page computed from content (a citation, a transcript's conversation version) between builds. */
export type Memo = <T>(key: string, make: () => T) => T;

export const inMemoryMemo = (): Memo => {
  const known = new Map<string, unknown>();
  return <T,>(key: string, make: () => T): T => {
    if (!known.has(key)) known.set(key, make());
    return known.get(key) as T;
  };
};

/**
 * A class instance rather than a plain object, so that Eleventy's data cascade passes it by reference instead of
 * deep-copying it into every template.
 */
export class SiteModel {
  readonly edition: EditionShell;
  readonly urls: SiteUrls;
  readonly citations: EditionCitations;
  readonly units: ThreadUnit[];
  readonly totals: { messages: number; notes: number };
  readonly memo: Memo;
  readonly #bundles: SiteModelData["bundles"];

  constructor(data: SiteModelData, memo: Memo = inMemoryMemo()) {
    this.edition = data.shell;
    this.urls = siteUrls(data.shell.meta.base_url);
    this.memo = memo;
    this.citations = new EditionCitations(data.shell, this.urls, memo);
    this.units = data.units;
    this.totals = data.totals;
    this.#bundles = data.bundles;
  }

  /** Whether the thread has pages of its own (by month), rather than being all on the home page. */
  get paged(): boolean {
    return this.units.length > 1 || (this.units[0] !== undefined && this.units[0].key !== "all");
  }

  /** "October 2016", "October 2016, page 2 of 3". */
  unitLabel(unit: ThreadUnit): string {
    const month = formatMonth(unit.month);
    return unit.pages > 1 ? `${month}, page ${unit.page} of ${unit.pages}` : month;
  }

  threadUrl(unit: ThreadUnit): string {
    return this.urls.thread(unit.key);
  }

  conversationUrl(unit: ThreadUnit): string {
    return this.urls.conversation(unit.key);
  }

  /** The Pagefind bundles a search covers: the first partition's, merged with the others' (in reading order). */
  searchBundles(): { primary: string; merge: string[] } {
    return this.#bundles;
  }
}

export interface PartitionModelData extends SiteModelData {
  partition: {
    name: string;
    /** The position of the partition's first message in the whole thread. */
    offset: number;
    units: ThreadUnit[];
    messages: RenderedMessage[];
    /** The messages just before and after the partition, for the first and last message pages' links. */
    previous?: Message;
    next?: Message;
    /** The last private message before the partition, so that a silence across the boundary is still told. */
    before?: Message;
    /** Whoever wrote the edition's first private message (see conversation.ts). */
    opener?: string;
  };
}

/** The model of one partition's job: its messages' pages and its conversation pages. */
export class PartitionModel extends SiteModel {
  readonly name: string;
  /** The messages whose pages this job writes, with their HTML. */
  readonly pageMessages: RenderedMessage[];
  readonly pageUnits: ThreadPage<RenderedMessage>[];
  readonly opener: string | undefined;
  readonly #data: PartitionModelData["partition"];
  readonly #index = new Map<string, number>();

  constructor(data: PartitionModelData, memo?: Memo) {
    super(data, memo);
    const partition = (this.#data = data.partition);
    this.name = partition.name;
    this.pageMessages = partition.messages;
    this.opener = partition.opener;
    partition.messages.forEach(({ message }, i) => this.#index.set(message.id, i));
    this.pageUnits = partition.units.map((unit) => ({
      unit,
      messages: partition.messages.slice(unit.start - partition.offset, unit.end - partition.offset),
    }));
  }

  /** A message's place in the partition, which orders its search documents within the partition's bundle. */
  indexOf(id: string): number {
    return this.#index.get(id) ?? 0;
  }

  neighbours(id: string): { previous?: Message; next?: Message } {
    const index = this.#index.get(id);
    if (index === undefined) return {};
    const messages = this.#data.messages;
    return {
      previous: index > 0 ? messages[index - 1]!.message : this.#data.previous,
      next: index < messages.length - 1 ? messages[index + 1]!.message : this.#data.next,
    };
  }

  /** The thread page (and conversation page) a message is on. */
  unitOf(id: string): ThreadUnit {
    const index = (this.#index.get(id) ?? 0) + this.#data.offset;
    return this.#data.units.find((unit) => index >= unit.start && index < unit.end) ?? this.#data.units[0]!;
  }

  /** The last private message before a thread page, from this partition or before it. */
  messageBefore(unit: ThreadUnit): Message | undefined {
    for (let i = unit.start - this.#data.offset - 1; i >= 0; i--) {
      const { message } = this.#data.messages[i]!;
      if (isPrivate(message)) return message;
    }
    return this.#data.before;
  }
}

export interface EditionModelData extends SiteModelData {
  /** Every message in thread order, without HTML. */
  messages: MessageEntry[];
}

/** The model of the edition's own pages, which read every message but none of their HTML. */
export class EditionModel extends SiteModel {
  readonly messages: MessageEntry[];
  readonly threadPages: ThreadPage[];
  readonly notes: Array<{ note: NoteEntry; message: MessageEntry }>;
  readonly notesById: Map<string, { note: NoteEntry; message: MessageEntry }>;
  readonly indexById = new Map<string, number>();
  /** Messages each source attests, in thread order. */
  readonly messagesBySource = new Map<string, Message[]>();
  /** Messages each person sent and received. */
  readonly messagesByPerson = new Map<string, { sent: number; received: number }>();
  readonly opener: string | undefined;

  constructor(data: EditionModelData, memo?: Memo) {
    super(data, memo);
    this.messages = data.messages;
    this.threadPages = data.units.map((unit) => ({ unit, messages: data.messages.slice(unit.start, unit.end) }));
    this.notes = data.messages.flatMap((message) => message.notes.map((note) => ({ note, message })));
    this.notesById = new Map(this.notes.map((entry) => [entry.note.annotation.id, entry]));
    this.opener = data.messages.find(({ message }) => isPrivate(message))?.message.from;
    const count = (id: string) => {
      let entry = this.messagesByPerson.get(id);
      if (!entry) this.messagesByPerson.set(id, (entry = { sent: 0, received: 0 }));
      return entry;
    };
    data.messages.forEach(({ message }, index) => {
      this.indexById.set(message.id, index);
      for (const source of new Set(message.sources.map((s) => s.id))) {
        const list = this.messagesBySource.get(source);
        if (list) list.push(message);
        else this.messagesBySource.set(source, [message]);
      }
      count(message.from).sent++;
      for (const to of message.to) count(to).received++;
    });
  }

  /** The thread page a message is on. */
  unitOf(id: string): ThreadUnit {
    const index = this.indexById.get(id) ?? 0;
    return this.units.find((unit) => index >= unit.start && index < unit.end) ?? this.units[0]!;
  }
}
