import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * The shared API reference lives beside the repository (`../shared/reference/`), which a clean
 * clone (CI) does not have. Looked up in: $ROSTER_REFERENCE_DIR, `../shared/reference` from the
 * repository root, and the same from the main checkout when this is a git worktree.
 *
 * Both simulators keep an identical copy of this file: they share no code with each other.
 */
export function findReference(fileName: string): { file: string; text: string } | { missing: string } {
  const candidates = [process.env.ROSTER_REFERENCE_DIR, path.join(repoRoot, "../shared/reference"), mainCheckoutReference()]
    .filter((dir): dir is string => typeof dir === "string")
    .map((dir) => path.join(dir, fileName));
  const file = candidates.find((candidate) => existsSync(candidate));
  if (file) return { file, text: readFileSync(file, "utf8") };
  return { missing: `${fileName} not found beside the repository (../shared/reference/) nor in $ROSTER_REFERENCE_DIR` };
}

/** In a worktree, `.git` is a file naming `<main checkout>/.git/worktrees/<name>`. */
function mainCheckoutReference(): string | undefined {
  const dotGit = path.join(repoRoot, ".git");
  if (!existsSync(dotGit) || !statSync(dotGit).isFile()) return undefined;
  const content = readFileSync(dotGit, "utf8");
  if (!content.startsWith("gitdir:")) return undefined;
  const gitDir = content.slice("gitdir:".length).trim();
  const mainGit = path.resolve(repoRoot, gitDir, "../..");
  return path.join(path.dirname(mainGit), "../shared/reference");
}
