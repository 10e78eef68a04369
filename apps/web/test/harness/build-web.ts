import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import { webRoot } from "./paths";

const run = promisify(execFile);

/**
 * A production build of the dashboard into outDir: `vite build` in a child process, so
 * it gets NODE_ENV=production (vitest's own NODE_ENV=test would give React's development
 * build) without changing the environment of the test run itself.
 */
export async function buildWeb(outDir: string): Promise<void> {
  const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  try {
    await run(process.execPath, [viteBin, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], {
      cwd: webRoot,
      env: { ...process.env, NODE_ENV: "production" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`vite build failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}
