import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root (the folder holding pnpm-workspace.yaml), found from this file. */
export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("could not find the repository root (pnpm-workspace.yaml)");
    dir = parent;
  }
  return dir;
}

/** `node --import <this>` runs TypeScript entries in child processes, whatever their cwd. */
export const tsxLoader: string = import.meta.resolve("tsx");
