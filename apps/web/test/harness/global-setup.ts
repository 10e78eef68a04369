import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildWeb } from "./build-web";
import { BUILD_FAILED, BUILD_READY } from "./web-build-markers";

declare module "vitest" {
  interface ProvidedContext {
    /** Where the dashboard is being built; wait for it with waitForWebBuild(). */
    webDist: string;
  }
}

/**
 * Builds the dashboard once per run for every browser test file. The build runs in the
 * background, so the other projects' tests start meanwhile; a marker file says when it is done.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "roster-web-dist-"));
  const building = buildWeb(path.join(outDir, "dist")).then(
    () => writeFile(path.join(outDir, BUILD_READY), ""),
    (error: unknown) => writeFile(path.join(outDir, BUILD_FAILED), String((error as Error)?.stack ?? error)),
  );
  project.provide("webDist", outDir);
  return async () => {
    await building;
    await rm(outDir, { recursive: true, force: true });
  };
}
