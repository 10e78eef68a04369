import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    ...sharedTestOptions,
    name: "web",
    // Builds the dashboard once for every browser test file (see test/harness/build-web.ts).
    globalSetup: ["./test/harness/global-setup.ts"],
  },
});
