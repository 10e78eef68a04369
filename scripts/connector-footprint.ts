import { execFileSync } from "node:child_process";

/**
 * `node --import tsx scripts/connector-footprint.ts <id>`: what the commits that touched
 * connectors/<id> or packages/sim-<id> changed outside those folders, from git history. Adding a
 * connector should need only the registry's import, array entry and workspace dependency (and
 * the lockfile pnpm writes for them); everything else is listed, with its lines and commit.
 */
const id = process.argv[2];
if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) {
  console.error("usage: connector-footprint <connector id>");
  process.exit(2);
}
const own = [`connectors/${id}/`, `packages/sim-${id}/`];
const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** Lines of the registry that only name the connector (its import, its entry, its dependency). */
const registryLine = new RegExp(`connector-${id}|\\b${id.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}\\b`);

const commits = git("log", "--format=%h", "--", ...own)
  .split("\n")
  .filter(Boolean);
const outside = new Map<string, { added: number; removed: number; commits: Set<string> }>();
let registryLines = 0;
let lockfileLines = 0;
for (const commit of commits) {
  const patch = git("show", "--format=", "--unified=0", commit, "--", ".", ...own.map((p) => `:!${p}`));
  let file = "";
  for (const line of patch.split("\n")) {
    if (line.startsWith("+++ ")) file = line.replace(/^\+\+\+ (b\/)?/, "");
    if (!/^[+-][^+-]/.test(line) && line !== "+" && line !== "-") continue;
    if (file === "pnpm-lock.yaml") {
      lockfileLines++;
      continue;
    }
    if (file.startsWith("packages/registry/") && registryLine.test(line)) {
      registryLines++;
      continue;
    }
    const entry = outside.get(file) ?? { added: 0, removed: 0, commits: new Set<string>() };
    if (line.startsWith("+")) entry.added++;
    else entry.removed++;
    entry.commits.add(commit);
    outside.set(file, entry);
  }
}

console.log(`${commits.length} commits touched ${own.join(" or ")}`);
console.log(`registry lines naming ${id}: ${registryLines}; lockfile lines (written by pnpm): ${lockfileLines}`);
if (outside.size === 0) console.log("nothing else changed outside the connector's folders");
for (const [file, entry] of outside) {
  console.log(`  ${file}  +${entry.added} -${entry.removed}  (${[...entry.commits].join(", ")})`);
}
const total = [...outside.values()].reduce((sum, e) => sum + e.added + e.removed, 0);
console.log(`outside: ${outside.size} files, ${total} lines`);
