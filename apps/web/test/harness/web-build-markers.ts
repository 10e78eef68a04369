import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

export const BUILD_READY = ".ready";
export const BUILD_FAILED = ".failed";

/** The built dashboard's folder, once the global setup's background build has finished. */
export async function waitForWebBuild(timeoutMs = 120_000): Promise<string> {
  const dir = inject("webDist");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(path.join(dir, BUILD_READY))) return path.join(dir, "dist");
    if (existsSync(path.join(dir, BUILD_FAILED))) {
      throw new Error(`Building the dashboard failed:\n${readFileSync(path.join(dir, BUILD_FAILED), "utf8")}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`The dashboard build in ${dir} did not finish within ${timeoutMs / 1000} s`);
}
