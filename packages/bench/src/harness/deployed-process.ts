import { readFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./repo";

/**
 * The node flags of a package's `start` script (`node --max-semi-space-size=4 --import tsx
 * src/main.ts`), so a measured process runs as deployed; the tsx loader is left out.
 */
export function startFlags(specifier: string): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve(specifier)), "utf8")) as {
    scripts?: { start?: string };
  };
  const tokens = (pkg.scripts?.start ?? "").split(/\s+/);
  return tokens.filter((token, i) => token.startsWith("--") && token !== "--import" && tokens[i - 1] !== "--import");
}

/**
 * What the image sets for every process it runs: the Dockerfile's `ENV name=value` lines, but
 * NODE_ENV, which each measured process sets for itself.
 */
export function imageEnv(): Record<string, string> {
  const dockerfile = readFileSync(path.join(repoRoot(), "Dockerfile"), "utf8");
  const env: Record<string, string> = {};
  for (const [, name, value] of dockerfile.matchAll(/^ENV (\w+)=(\S+)$/gm)) {
    if (name && value !== undefined && name !== "NODE_ENV") env[name] = value;
  }
  return env;
}
