import { unsupportedNodeMessage } from "@roster/config/supported-node";
import { defineConfig } from "vitest/config";

const wrongNode = unsupportedNodeMessage();
if (wrongNode) throw new Error(wrongNode);

// One run over every workspace package; the global setup provides PostgreSQL
// (embedded when DATABASE_URL is unset) and the summary reporter prints the
// plain "N passed, N failed" line CI reads.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "connectors/*", "examples/*", "scripts"],
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    reporters: ["default", "./scripts/summary-reporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
