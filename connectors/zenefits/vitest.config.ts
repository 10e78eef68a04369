import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "connector-zenefits",
    // Projects do not inherit the root's timeout; real-HTTP fault runs (Retry-After ≥ 1 s) need more than 5 s.
    testTimeout: 60_000,
    // Fault tests make the client log every retry; keep the output readable (override with LOG_LEVEL=warn).
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
  },
});
