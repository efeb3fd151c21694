import { defineConfig } from "vitest/config";

// Three layers, each a Vitest project (`npm run test:unit`, `test:integration`, `test:e2e`; `npm test` runs all):
// - unit: functions, schemas and unified plugins in memory, and fixtures read from disk; no build, no Pagefind, no
//   browser, no child process. Files run in parallel.
// - integration: fixture editions checked and built through the real pipeline (Eleventy, Pagefind from Node), the
//   commands run as child processes, the built HTML read back. Needs the built default edition.
// - e2e: real Chromium, and `npm start` driven end to end, sharing the one build.
// A new test file is integration unless listed here: list it under UNIT if it needs none of that, under E2E if it
// opens a browser.
const UNIT = [
  "tests/anchor/resolve-anchor.test.ts",
  "tests/anchor/word-edges.test.ts",
  "tests/author/verbatim-markdown.test.ts",
  "tests/cite/browser-bundle.test.ts",
  "tests/cite/csl-items.test.ts",
  "tests/cite/csl-styles.test.ts",
  "tests/cite/engine-reuse.test.ts",
  "tests/cite/format-citation.test.ts",
  "tests/cite/style-guides.test.ts",
  "tests/cli/deploy-workflow.test.ts",
  "tests/load/load-edition.test.ts",
  "tests/load/rules.test.ts",
  "tests/load/timestamp.test.ts",
  "tests/pipeline/export-files.test.ts",
  "tests/render/rehype-annotation-marks.test.ts",
  "tests/render/rehype-cross-links.test.ts",
  "tests/render/rehype-inert-links.test.ts",
  "tests/render/rehype-line-anchors.test.ts",
  "tests/render/rehype-line-direction.test.ts",
  "tests/render/remark-raw-html-as-text.test.ts",
  "tests/render/sanitize-last.test.ts",
  "tests/site/timeline-layout.test.ts",
];

const E2E = [
  "tests/e2e/**/*.test.ts",
  "tests/quality/**/*.test.ts",
  // Chromium reads what these build.
  "tests/cite/page-metadata.test.ts",
  "tests/cli/readme-walkthrough.test.ts",
  "tests/search/relevance.test.ts",
  "tests/site/conversation.test.ts",
  "tests/site/print.test.ts",
  "tests/site/timeline.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Two files at a time in every layer, browsers included. Vitest's default is one fewer worker than cores, which on
    // a 2-core machine ran the whole suite one file at a time (651.8 s here, 508.6 s with two).
    maxWorkers: 2,
    hookTimeout: 120_000,
    // Eleventy imports .eleventy.js, and through it our TypeScript plugin, with Node's own loader; tsx teaches
    // that loader TypeScript inside the test workers, as the npm scripts do for the CLI.
    execArgv: ["--import", "tsx"],
    // `npm run coverage`: what the unit layer alone runs of src/. Every source file is counted, run or not, so
    // that the figure says how much is tested without a build or a browser, not how well the run files are.
    coverage: {
      provider: "v8",
      include: ["src/**/*.{ts,tsx}"],
      exclude: ["src/**/*.d.ts"],
      reporter: ["text-summary", "text", "html"],
      reportsDirectory: "coverage",
    },
    projects: [
      // Pure tests share their workers (no isolation between files), which saves each file its own module loading.
      { extends: true, test: { name: "unit", include: UNIT, isolate: false, execArgv: [] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: [...UNIT, ...E2E],
          globalSetup: ["tests/global-setup.ts"],
          // A worker keeps the modules it has loaded (unified, Eleventy, citation-js) from one file to the next, as
          // npm start keeps them from one build to the next; each file still runs afresh. No test mocks a module or
          // changes the process's environment.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: E2E,
          globalSetup: ["tests/global-setup.ts"],
          isolate: false,
        },
      },
    ],
  },
});
