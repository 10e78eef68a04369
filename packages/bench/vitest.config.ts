import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

// Only the quick-bench smoke test lives here; it spawns the bench, which can take a while on a busy box.
export default defineConfig({
  test: {
    ...sharedTestOptions,
    name: "bench",
    // Figures 6, 7, 9, 10 and 11 start the API, the worker and simulators as processes of their own.
    testTimeout: 420_000,
  },
});
