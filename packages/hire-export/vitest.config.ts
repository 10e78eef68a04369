import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    ...sharedTestOptions,
    name: "hire-export",
    // Each file builds its own database and simulators and keeps no module state, so files may
    // share loaded modules: graphile-worker and both simulators are imported once per worker.
    isolate: false,
    // Outage tests make the clients log every retry; keep the output readable (override with LOG_LEVEL=warn).
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
  },
});
