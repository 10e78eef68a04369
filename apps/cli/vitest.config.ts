import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    ...sharedTestOptions,
    name: "cli",
    // Only this package's tests: a scaffold test writes a whole connector package (with its
    // own test/) into a temporary folder under apps/cli while it runs.
    include: ["test/**/*.test.ts"],
    // Every test drives the CLI as a child process over real HTTP and PostgreSQL, several in
    // turn; on a loaded machine each start takes seconds. This only guards against a hang.
    testTimeout: 300_000,
  },
});
