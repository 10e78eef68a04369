import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    ...sharedTestOptions,
    name: "connector-bamboohr",
    // Fault tests make the client log every retry; keep the output readable (override with LOG_LEVEL=warn).
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
  },
});
