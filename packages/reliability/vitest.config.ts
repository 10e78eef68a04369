import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../../vitest.shared.ts";

export default defineConfig({
  test: { ...sharedTestOptions, name: "reliability", env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" } },
});
