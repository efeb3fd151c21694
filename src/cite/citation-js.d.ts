// The part of citation-js 0.8 (which ships no types) that src/cite uses: the plugin registry's CSL configuration,
// whose engine() hands out a cached citeproc engine per style and locale, and the output formatters.

declare module "@citation-js/core" {
  /** A citeproc-js engine, as @citation-js/plugin-csl prepares it. */
  export interface CiteprocEngine {
    setOutputFormat(format: "text" | "html"): void;
    makeCitationCluster(cites: Array<{ id: string; locator?: string; label?: string }>): string;
    updateItems(ids: string[]): string[];
    makeBibliography(): [Record<string, unknown>, string[]] | false;
    opt: { development_extensions: { wrap_url_and_doi: boolean } };
  }

  export interface Register<T> {
    add(name: string, value: T): Register<T>;
    has(name: string): boolean;
    get(name: string): T | undefined;
  }

  export interface CslPluginConfig {
    /** Reuses the engine for style|locale, resets its items to `data`, and sets the output format. */
    engine(data: object[], style: string, locale: string, format: "text" | "html"): CiteprocEngine;
    styles: Register<string>;
    locales: Register<string>;
  }

  export const plugins: {
    config: { get(ref: "@csl"): CslPluginConfig };
    output: {
      format(name: "bibtex" | "data" | "bibliography" | "citation", data: object[], options?: Record<string, unknown>): string;
      format(name: "ris", data: object[], options: { format: "object" }): Array<Record<string, string | string[]>>;
    };
  };

  export class Cite {
    constructor(data?: unknown);
    data: Array<Record<string, unknown>>;
  }
}

declare module "@citation-js/plugin-csl" {}
declare module "@citation-js/plugin-bibtex" {}
declare module "@citation-js/plugin-ris" {}
