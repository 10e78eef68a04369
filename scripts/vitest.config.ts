import { defineConfig } from "vitest/config";
import { sharedTestOptions } from "../vitest.shared.ts";

// The repository's own promises (the README's commands), tested from the outside.
export default defineConfig({ test: { ...sharedTestOptions, name: "scripts", include: ["test/**/*.test.ts"] } });
