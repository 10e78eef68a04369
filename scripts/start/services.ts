import { existsSync } from "node:fs";
import path from "node:path";
import type { SandboxSimulator } from "./simulators";

export interface Service {
  name: string;
  /** Workspace folder; the service is skipped until that app exists. */
  dir: string;
  command: string[];
  /** Extra environment for this service only. */
  env?: Record<string, string>;
}

/**
 * What `pnpm start` runs, in order: every sandbox simulator, then the API, the worker and the
 * dashboard. Each is a workspace package's own start script, so every app stays runnable on its own.
 */
export function services(root: string, simulators: readonly SandboxSimulator[]): Service[] {
  const all: Service[] = [
    ...simulators.map((s) => ({ name: s.name, dir: s.dir, command: ["pnpm", "start", "--sandbox", "--port", String(s.port)] })),
    { name: "api", dir: "apps/api", command: ["pnpm", "start"] },
    { name: "worker", dir: "apps/worker", command: ["pnpm", "start"] },
    { name: "web", dir: "apps/web", command: ["pnpm", "start"] },
  ];
  return all.filter((s) => existsSync(path.join(root, s.dir, "package.json")));
}
