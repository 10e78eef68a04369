import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    ...sharedTestOptions,
    name: "production",
    // Builds the CLI bundle and the dashboard once, before any test here runs the built files.
    globalSetup: ["./test/build-once.ts"],
    // The files start several processes each on a shared machine: one at a time.
    fileParallelism: false,
  },
});
