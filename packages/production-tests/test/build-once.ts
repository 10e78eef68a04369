import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { builtCli, builtDashboard, releaseDir, repoRoot } from "./helpers/built";

/**
 * The release script the Dockerfile runs (scripts/release/build.sh), here outside a container:
 * the `roster` bundle (API, worker and CLI) and the dashboard it serves, in a folder of their
 * own. Once per test run; a failed build fails the run with its output.
 */
export default function buildOnce(): void {
  const result = spawnSync("bash", ["scripts/release/build.sh", "--no-install", releaseDir], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0 || !existsSync(builtCli) || !existsSync(builtDashboard)) {
    throw new Error(`scripts/release/build.sh failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
