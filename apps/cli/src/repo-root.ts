import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The Roster checkout this CLI belongs to (the folder with pnpm-workspace.yaml), found
 * from this file rather than the current directory, so `roster` works from anywhere.
 */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** ROSTER_DATA_DIR (default .data), relative to the checkout as `pnpm start` uses it. */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(repoRoot(), env.ROSTER_DATA_DIR || ".data");
}
