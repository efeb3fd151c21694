// The site stage as an Eleventy plugin: it loads and renders the edition once per build (as global data), makes
// our unified processor Eleventy's Markdown engine, and adds the edition's pages as virtual templates that
// paginate over the loaded data, so that Eleventy's per-file overhead is paid per page type, not per message.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EditionError, formatReport } from "../load/diagnostics.ts";
import { bundleClientScripts } from "./client-bundle.ts";
import { editorialPage } from "./pages/editorial-page.tsx";
import { messagePage } from "./pages/message-page.tsx";
import { peoplePage } from "./pages/people-page.tsx";
import { searchPage } from "./pages/search-page.tsx";
import { sourcesPage } from "./pages/sources-page.tsx";
import { threadPage } from "./pages/thread-page.tsx";
import { conversationPage } from "./pages/conversation-page.tsx";
import { PREVIEW_IMAGE } from "./layout.tsx";
import { changelogPage } from "./pages/changelog-page.tsx";
import { ANNOTATIONS_EXPORT, CSL_EXPORT, MESSAGES_EXPORT, TRANSCRIPT_EXPORT, cslJson, messagesJson, plainTranscript, webAnnotations } from "../cite/exports.ts";
import { createSiteModel, type NoteEntry, type SiteModel, type ThreadPage } from "./site-model.ts";
import { permalinks } from "./urls.ts";
import { SiteVerificationError, verifySite } from "./verify-site.ts";
import { parseShard, searchBundleFolder, type Shard } from "./shards.ts";
import type { RenderedMessage } from "../render/render-edition.ts";

/** The event a build emits when the edition cannot be built: its report, for whoever shows it to the editor. */
export interface EditionFailed {
  error: Error;
}

/** The event a build emits once its pages are written and verified: what the index stage needs. */
export interface EditionBuilt {
  model: SiteModel;
  outputDir: string;
}

export interface Options {
  /**
   * The edition's root folder, holding content/, annotations/ and edition/. By default, the folder two levels
   * above Eleventy's input folder, which is the edition's edition/pages/.
   */
  root?: string;
  /** Messages per page of the thread (default 200). */
  threadPageSize?: number;
  /** Receives the report of warnings of a build that succeeded (default: printed to stderr). */
  onWarnings?: (report: string) => void;
  /** Build one slice of the edition, as "k/n" (see shards.ts); .eleventy.js passes $EDITION_SHARD. */
  shard?: string | Shard;
}

const here = path.dirname(fileURLToPath(import.meta.url));

// Eleventy's configuration API is untyped JavaScript; this names the parts the plugin uses.
interface EleventyConfig {
  setLibrary(extension: string, library: { render(source: string, data: Record<string, unknown>): string }): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addPassthroughCopy(mapping: Record<string, string>): void;
  addWatchTarget(target: string): void;
  setWatchJavaScriptDependencies(enabled: boolean): void;
  on(event: string, handler: (...args: any[]) => unknown): void;
  emit(event: string, ...args: unknown[]): Promise<unknown>;
  directories: { input: string; output: string };
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

export default function eleventyPluginEdition(eleventyConfig: EleventyConfig, options: Options = {}): void {
  const root = path.resolve(options.root ?? path.join(eleventyConfig.directories.input, "..", ".."));
  const onWarnings = options.onWarnings ?? ((report: string) => console.warn(report));
  const shard = typeof options.shard === "string" ? (options.shard ? parseShard(options.shard) : undefined) : options.shard;
  const writesEditionPages = !shard || shard.index === 1;
  let current: SiteModel | undefined;

  // A watching server (src/cli/start.ts) shows the editor why a build failed, in the browser as well.
  const failed = async (error: Error): Promise<never> => {
    await eleventyConfig.emit("edition.failed", { error } satisfies EditionFailed);
    throw error;
  };

  eleventyConfig.addGlobalData("edition", async () => {
    const { model, files } = await createSiteModel(root, { threadPageSize: options.threadPageSize, shard });
    if (!model) return failed(new EditionError(files, root));
    const warnings = formatReport(files, root);
    if (warnings) onWarnings(warnings);
    current = model;
    return model;
  });

  // Editorial pages are Markdown files rendered by our unified processor, never by Liquid or Nunjucks.
  eleventyConfig.setLibrary("md", {
    render(source, data) {
      if (!current) throw new Error("The edition must be loaded before editorial pages are rendered");
      const inputPath = (data.page as { inputPath?: string } | undefined)?.inputPath;
      const file = current.rendered.renderMarkdown(source, inputPath ? path.resolve(root, inputPath) : undefined);
      if (file.messages.some((message) => message.fatal)) {
        const error = new EditionError([file], root);
        void eleventyConfig.emit("edition.failed", { error } satisfies EditionFailed);
        throw error;
      }
      return String(file.value);
    },
  });
  eleventyConfig.addGlobalData("layout", "edition-page.11ty.js");
  // Editorial pages belong to the whole edition, which shard 1 writes; the edition's own templates set their
  // permalinks and are not affected.
  if (!writesEditionPages) eleventyConfig.addGlobalData("permalink", false);
  eleventyConfig.addTemplate("_includes/edition-page.11ty.js", {
    render: (data: PageData) =>
      editorialPage(data.edition, {
        slug: data.page.fileSlug,
        title: data.title,
        description: data.description,
        html: data.content,
        showExports: data.show_exports === true,
      }),
  });

  const paginated = <T,>(name: string, key: string, permalink: (item: T) => string, render: (model: SiteModel, item: T) => string) =>
    eleventyConfig.addTemplate(
      `${name}.11ty.js`,
      { render: (data: PageData<T>) => render(data.edition, data.item) },
      {
        layout: false,
        eleventyExcludeFromCollections: true,
        pagination: { data: key, size: 1, alias: "item", addAllPagesToCollections: false },
        permalink: (data: PageData<T>) => permalink(data.item),
      },
    );
  const single = (name: string, permalink: string, render: (model: SiteModel) => string) =>
    eleventyConfig.addTemplate(`${name}.11ty.js`, { render: (data: PageData) => render(data.edition) }, {
      layout: false,
      eleventyExcludeFromCollections: true,
      permalink,
    });

  paginated<ThreadPage>("edition-thread", "edition.pageThreadPages", (page) => permalinks.thread(page.number), threadPage);
  // The conversation view is paged like the thread list, so that a shard writes both for the same messages.
  paginated<ThreadPage>("edition-conversation", "edition.pageThreadPages", (page) => permalinks.conversation(page.number), conversationPage);
  paginated<RenderedMessage>("edition-messages", "edition.pageMessages", (m) => permalinks.message(m.message.id), messagePage);
  if (writesEditionPages) addEditionPages(single);

  // The site checks its own output before anything else runs on it; Pagefind's bundle comes later.
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!current) return;
    const outputDir = path.resolve(directories.output);
    const preview = current.edition.previewImage;
    if (preview && writesEditionPages) {
      await mkdir(path.join(outputDir, "assets"), { recursive: true });
      await copyFile(preview.path, path.join(outputDir, "assets", PREVIEW_IMAGE));
    }
    const problems = await verifySite(outputDir, current, { notYetWritten: [`${current.urls.home()}${searchBundleFolder(shard?.index ?? 1)}`] });
    if (problems.length) await failed(new SiteVerificationError(problems));
    await current.rendered.cache.save();
    // Hand the verified site to whoever indexes it (the CLI's build and start commands): see EditionBuilt.
    await eleventyConfig.emit("edition.built", { model: current, outputDir } satisfies EditionBuilt);
  });

  eleventyConfig.addPassthroughCopy({ [path.join(here, "assets")]: "assets" });
  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    await bundleClientScripts(path.join(here, "client"), path.resolve(directories.output, "assets"));
  });
  for (const folder of ["content", "annotations", "edition"]) eleventyConfig.addWatchTarget(path.join(root, folder));
  // Eleventy's dependency watcher parses imported JavaScript with acorn, which cannot read our TypeScript.
  eleventyConfig.setWatchJavaScriptDependencies(false);
}

/** The pages of the whole edition, beside its messages and thread: written once, by shard 1 in a sharded build. */
function addEditionPages(single: (name: string, permalink: string, render: (model: SiteModel) => string) => void): void {
  single("edition-people", permalinks.people(), peoplePage);
  single("edition-sources", permalinks.sources(), sourcesPage);
  single("edition-search", permalinks.search(), searchPage);
  single("edition-changelog", permalinks.changelog(), changelogPage);

  // Machine-readable exports (cite/exports.ts), one file each.
  const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;
  const exportFile = (name: string, render: (model: SiteModel) => string) => single(`edition-export-${name}`, permalinks.exportFile(name), render);
  exportFile(ANNOTATIONS_EXPORT, (model) => json(webAnnotations(model.exportInput())));
  exportFile(MESSAGES_EXPORT, (model) => json(messagesJson(model.exportInput())));
  exportFile(CSL_EXPORT, (model) =>
    json(cslJson([
      ...model.rendered.messages.map(({ message, lines }) => model.citations.messageItem(message, lines)),
      ...model.notes.map(({ note, message }) => model.citations.noteItem(note, message.message)),
    ])),
  );
  exportFile(TRANSCRIPT_EXPORT, (model) => plainTranscript(model.exportInput()));
}
