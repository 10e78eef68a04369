import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { builtCli, builtDashboard, repoRoot } from "./helpers/built";

/**
 * `pnpm build` for what these tests run: the `roster` bundle (API, worker and CLI in one file)
 * and the dashboard it serves. Once per test run; a failed build fails the run with its output.
 */
export default function buildOnce(): void {
  const result = spawnSync("pnpm", ["--filter", "@roster/web", "--filter", "@roster/cli", "run", "build"], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0 || !existsSync(builtCli) || !existsSync(builtDashboard)) {
    throw new Error(`pnpm build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
