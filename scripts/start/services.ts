import { existsSync } from "node:fs";
import path from "node:path";

export interface Service {
  name: string;
  /** Workspace folder; the service is skipped until that app exists. */
  dir: string;
  command: string[];
  /** Extra environment for this service only. */
  env?: Record<string, string>;
}

/**
 * What `pnpm start` runs, in order. Each is a workspace package's own start script,
 * so every app stays runnable on its own.
 */
export function services(
  root: string,
  ports: { api: number; web: number; zenefits: number; lever: number; bamboohr: number },
): Service[] {
  const all: Service[] = [
    {
      name: "sim-zenefits",
      dir: "packages/sim-zenefits",
      command: ["pnpm", "start", "--sandbox", "--port", String(ports.zenefits)],
    },
    { name: "sim-lever", dir: "packages/sim-lever", command: ["pnpm", "start", "--sandbox", "--port", String(ports.lever)] },
    {
      name: "sim-bamboohr",
      dir: "packages/sim-bamboohr",
      command: ["pnpm", "start", "--sandbox", "--port", String(ports.bamboohr)],
    },
    { name: "api", dir: "apps/api", command: ["pnpm", "start"] },
    { name: "worker", dir: "apps/worker", command: ["pnpm", "start"] },
    { name: "web", dir: "apps/web", command: ["pnpm", "start"] },
  ];
  return all.filter((s) => existsSync(path.join(root, s.dir, "package.json")));
}
