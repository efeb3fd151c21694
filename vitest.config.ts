import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds and browsers are heavy on a 2-core machine; files run one at a time, tests inside them in order.
    fileParallelism: false,
    // Eleventy imports .eleventy.js, and through it our TypeScript plugin, with Node's own loader; tsx teaches
    // that loader TypeScript inside the test workers, as the npm scripts do for the CLI.
    execArgv: ["--import", "tsx"],
  },
});
