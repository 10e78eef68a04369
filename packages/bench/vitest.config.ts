import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

// Only the quick-bench smoke test lives here; it spawns the bench, which can take a while on a busy box.
export default defineConfig({
  test: {
    ...sharedTestOptions,
    name: "bench",
    testTimeout: 120_000,
  },
});
