// The site stage as an Eleventy plugin. The build (src/pipeline/) runs Eleventy once per job: a partition's job
// writes its messages' pages and its conversation pages, the edition's job the pages of the whole edition and the
// exports. Each job's pages are virtual templates that paginate over what the job is to write (only what changed,
// after an edit), so that Eleventy's per-file overhead is paid per page type, not per message. Editorial pages are
// Markdown files rendered by our unified processor, never by Liquid or Nunjucks.
import path from "node:path";
import { editorialPage } from "./pages/editorial-page.tsx";
import { messagePage } from "./pages/message-page.tsx";
import { peoplePage } from "./pages/people-page.tsx";
import { searchPage } from "./pages/search-page.tsx";
import { sourcesPage } from "./pages/sources-page.tsx";
import { homePage, threadPage } from "./pages/thread-page.tsx";
import { conversationIndexPage, conversationPage } from "./pages/conversation-page.tsx";
import { changelogPage } from "./pages/changelog-page.tsx";
import type { EditionModel, PartitionModel, SiteModel, ThreadPage } from "./site-model.ts";
import { permalinks } from "./urls.ts";
import type { RenderedMessage } from "../render/rendered.ts";

/** A partition's job: the pages of these messages, and the conversation pages of these thread pages. */
export interface PartitionJob {
  kind: "partition";
  model: PartitionModel;
  messages: ReadonlySet<string>;
  units: ReadonlySet<string>;
}

/** Pages of the whole edition, written by the edition's job. */
export type EditionPage = "home" | "conversation-index" | "people" | "sources" | "search" | "changelog";

/** The edition's job: which of its pages to write (its exports are streamed to their files: pipeline/export-files.ts). */
export interface EditionJob {
  kind: "edition";
  model: EditionModel;
  pages: ReadonlySet<EditionPage>;
  /** Thread pages to write, by key (a paged edition's months). */
  units: ReadonlySet<string>;
  /** Editorial pages to write, by file, with their Markdown as the render stage made it (sanitised HTML). */
  editorial: ReadonlyMap<string, string>;
}

export type SiteJob = PartitionJob | EditionJob;

// Eleventy's configuration API is untyped JavaScript; this names the parts the plugin uses.
interface EleventyConfig {
  setLibrary(extension: string, library: { render(source: string, data: Record<string, unknown>): string }): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  setWatchJavaScriptDependencies(enabled: boolean): void;
}

type PageData<T = unknown> = {
  edition: SiteModel;
  item: T;
  page: { fileSlug: string; inputPath: string };
  title: string;
  description?: string;
  show_exports?: boolean;
  content: string;
};

// The job reaches the plugin through the configuration object Eleventy was made with: .eleventy.js registers the
// plugin, and the build hands the job to that same object before Eleventy reads .eleventy.js (write-pages.ts).
// The map is kept on the global object because Eleventy imports .eleventy.js, and through it this module, with
// Node's own loader, which under a test runner's loader gives the module a second instance.
const JOBS = Symbol.for("annotated-edition.site-jobs");
const jobs: WeakMap<object, SiteJob> = ((globalThis as { [JOBS]?: WeakMap<object, SiteJob> })[JOBS] ??= new WeakMap());

/**
 * The Markdown libraries are made once per process. Eleventy keeps every library given to setLibrary in a set of
 * its module for the life of the process: a library made per run, closing over its job, kept every earlier run's
 * pages and exports (at 10,000 messages npm start's main thread grew by 169 MB a save, and ran out of memory after
 * about twenty). The editorial pages' HTML reaches the one library through the page's data instead.
 */
const NO_MARKDOWN = { render: () => "" };
const EDITORIAL_MARKDOWN = {
  render: (_source: string, data: Record<string, unknown>) => {
    const { editorialHtml, page } = data as { editorialHtml: EditorialHtml; page: PageData["page"] };
    return editorialHtml.of(page.inputPath);
  },
};

/** The edition job's rendered editorial pages, by file; a class, so that the data cascade passes it by reference. */
class EditorialHtml {
  constructor(readonly html: ReadonlyMap<string, string>) {}
  of(inputPath: string): string {
    return this.html.get(path.resolve(inputPath)) ?? "";
  }
}

export function setSiteJob(eleventyConfig: object, job: SiteJob): void {
  jobs.set(eleventyConfig, job);
}

export default function eleventyPluginEdition(eleventyConfig: EleventyConfig): void {
  const job = jobs.get(eleventyConfig);
  if (!job)
    throw new Error("The edition's Eleventy plugin writes the pages of a build job: build the edition with `npm run build` or `npm start`, which run Eleventy for you.");
  eleventyConfig.addGlobalData("edition", job.model);
  // Eleventy's dependency watcher parses imported JavaScript with acorn, which cannot read our TypeScript.
  eleventyConfig.setWatchJavaScriptDependencies(false);

  // What each template paginates over lives in one class instance, which the data cascade passes by reference
  // rather than deep-copying into every page.
  const lists = new JobLists();
  eleventyConfig.addGlobalData("jobLists", lists);
  const paginated = <T,>(name: string, items: T[], permalink: (item: T) => string, render: (item: T) => string) => {
    lists.set(name, items);
    eleventyConfig.addTemplate(
      `${name}.11ty.js`,
      { render: (data: PageData<T>) => render(data.item) },
      {
        layout: false,
        eleventyExcludeFromCollections: true,
        pagination: { data: `jobLists.${name}`, size: 1, alias: "item", addAllPagesToCollections: false },
        permalink: (data: PageData<T>) => permalink(data.item),
      },
    );
  };
  const single = (name: string, permalink: string, render: () => string | Promise<string>) =>
    eleventyConfig.addTemplate(`${name}.11ty.js`, { render }, { layout: false, eleventyExcludeFromCollections: true, permalink });

  if (job.kind === "partition") {
    const { model } = job;
    // A partition's job writes no editorial page (those are the edition job's): their permalink is false.
    eleventyConfig.addGlobalData("permalink", () => false);
    eleventyConfig.setLibrary("md", NO_MARKDOWN);
    paginated<RenderedMessage>(
      "edition-messages",
      model.pageMessages.filter(({ message }) => job.messages.has(message.id)),
      ({ message }) => permalinks.message(message.id),
      (item) => messagePage(model, item),
    );
    paginated<ThreadPage<RenderedMessage>>(
      "edition-conversation",
      model.pageUnits.filter(({ unit }) => job.units.has(unit.key)),
      ({ unit }) => permalinks.conversation(unit.key),
      (item) => conversationPage(model, item),
    );
    return;
  }

  const { model } = job;
  const pages = job.pages;
  if (pages.has("home")) single("edition-home", permalinks.thread(), () => homePage(model));
  paginated<ThreadPage>(
    "edition-thread",
    model.paged ? model.threadPages.filter(({ unit }) => job.units.has(unit.key)) : [],
    ({ unit }) => permalinks.thread(unit.key),
    (item) => threadPage(model, item),
  );
  if (pages.has("conversation-index")) single("edition-conversation-index", permalinks.conversation(), () => conversationIndexPage(model, model.opener));
  if (pages.has("people")) single("edition-people", permalinks.people(), () => peoplePage(model));
  if (pages.has("sources")) single("edition-sources", permalinks.sources(), () => sourcesPage(model));
  if (pages.has("search")) single("edition-search", permalinks.search(), () => searchPage(model));
  if (pages.has("changelog")) single("edition-changelog", permalinks.changelog(), () => changelogPage(model));

  // Editorial pages: the render stage has rendered their Markdown already, with the notes' cross-links.
  // The permalink of an editorial page (the edition's URL scheme), or false for one this job does not write. It is
  // global data, which only the editorial pages read: every other template sets its own.
  const fileOf = (data: PageData) => path.resolve(data.page.inputPath);
  eleventyConfig.addGlobalData("permalink", () => (data: PageData) => (job.editorial.has(fileOf(data)) ? permalinks.page(data.page.fileSlug) : false));
  eleventyConfig.addGlobalData("editorialHtml", new EditorialHtml(job.editorial));
  eleventyConfig.setLibrary("md", EDITORIAL_MARKDOWN);
  eleventyConfig.addGlobalData("layout", "edition-page.11ty.js");
  eleventyConfig.addTemplate("_includes/edition-page.11ty.js", {
    render: (data: PageData) =>
      editorialPage(model, {
        slug: data.page.fileSlug,
        title: data.title,
        description: data.description,
        html: data.content,
        showExports: data.show_exports === true,
      }),
  });
}

class JobLists {
  [name: string]: unknown;
  set(name: string, items: unknown[]): void {
    this[name] = items;
  }
}
