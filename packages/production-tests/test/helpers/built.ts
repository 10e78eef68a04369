import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
/** Where scripts/release/build.sh puts the release these tests run (git-ignored). */
export const releaseDir = path.join(repoRoot, "release");
/** The released `roster` command: `node <builtCli> serve api`, with nothing but the release folder. */
export const builtCli = path.join(releaseDir, "apps/cli/dist/roster.js");
export const builtDashboard = path.join(releaseDir, "apps/web/dist/index.html");
