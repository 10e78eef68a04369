import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * What a simulator package declares under "roster.sandboxSimulator" in its package.json, so
 * `pnpm start` runs it in sandbox mode without naming it: a new provider's simulator is picked
 * up from its own folder.
 */
const declaration = z.object({
  /** The connector it stands in for: its <CONNECTOR>_SANDBOX_URL points new connections at it. */
  connector: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** Its fixed port, so the printed values and curl lines stay the same from run to run. */
  port: z.int().min(1).max(65_535),
  /** What the connect form says to paste in sandbox mode. */
  connectHint: z.string().optional(),
  /** Printed once everything is ready; {web} is the dashboard's URL, {url} the simulator's. */
  readyLines: z.array(z.string()).default([]),
});

export interface SandboxSimulator {
  name: string;
  /** Workspace folder, relative to the root. */
  dir: string;
  connector: string;
  port: number;
  url: string;
  connectHint?: string;
  readyLines: string[];
}

const envPrefix = (connector: string) => connector.toUpperCase().replaceAll("-", "_");

/** Every packages/* that declares a sandbox simulator; its port can be moved with <CONNECTOR>_SIM_PORT. */
export function sandboxSimulators(root: string, env: Record<string, string | undefined>): SandboxSimulator[] {
  const packages = path.join(root, "packages");
  return readdirSync(packages, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(packages, entry.name, "package.json")))
    .flatMap((entry) => {
      const manifest = JSON.parse(readFileSync(path.join(packages, entry.name, "package.json"), "utf8")) as {
        roster?: { sandboxSimulator?: unknown };
      };
      if (manifest.roster?.sandboxSimulator === undefined) return [];
      const parsed = declaration.safeParse(manifest.roster.sandboxSimulator);
      if (!parsed.success) {
        throw new Error(
          `packages/${entry.name}/package.json: roster.sandboxSimulator is invalid: ${z.prettifyError(parsed.error)}`,
        );
      }
      const { connector, connectHint, readyLines } = parsed.data;
      const port = Number(env[`${envPrefix(connector)}_SIM_PORT`] ?? parsed.data.port);
      return [
        {
          name: entry.name,
          dir: path.join("packages", entry.name),
          connector,
          port,
          url: `http://127.0.0.1:${port}`,
          ...(connectHint ? { connectHint } : {}),
          readyLines,
        },
      ];
    })
    .sort((a, b) => a.port - b.port);
}

/** The environment that points the API, worker and CLI at each simulator. */
export function sandboxUrlEnvironment(simulators: readonly SandboxSimulator[]): Record<string, string> {
  return Object.fromEntries(simulators.map((s) => [`${envPrefix(s.connector)}_SANDBOX_URL`, s.url]));
}

/** By connector id, the sentence each connect form shows in sandbox mode. */
export function sandboxConnectHints(simulators: readonly SandboxSimulator[]): Record<string, string> {
  return Object.fromEntries(simulators.flatMap((s) => (s.connectHint ? [[s.connector, s.connectHint]] : [])));
}

/** A simulator's ready lines with its URL and the dashboard's filled in. */
export function readyLines(simulator: SandboxSimulator, webUrl: string): string[] {
  return simulator.readyLines.map((line) => line.replaceAll("{web}", webUrl).replaceAll("{url}", simulator.url));
}
