import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
/** The built `roster` command: `node <builtCli> serve api`. */
export const builtCli = path.join(repoRoot, "apps/cli/dist/roster.js");
export const builtDashboard = path.join(repoRoot, "apps/web/dist/index.html");
