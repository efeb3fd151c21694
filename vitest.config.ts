import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Builds and browsers are heavy on a 2-core machine; files run one at a time, tests inside them in order.
    fileParallelism: false,
  },
});
