import { readFileSync } from "node:fs";
import path from "node:path";

export interface ToolVersions {
  zod: string;
  typescript: string;
  vitest: string;
  typesNode: string;
}

function dependenciesOf(file: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(file, "utf8")) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return { ...pkg.dependencies, ...pkg.devDependencies };
}

/**
 * The exact versions the workspace pins, read from it rather than copied here, so a
 * generated package never drifts from its siblings when the repo upgrades.
 */
export function workspaceVersions(root: string): ToolVersions {
  const rootDeps = dependenciesOf(path.join(root, "package.json"));
  const coreDeps = dependenciesOf(path.join(root, "packages/core/package.json"));
  const pick = (deps: Record<string, string>, name: string) => {
    const version = deps[name];
    if (!version) throw new Error(`cannot find the workspace's ${name} version (looked in package.json files under ${root})`);
    return version;
  };
  return {
    zod: pick(coreDeps, "zod"),
    typescript: pick(rootDeps, "typescript"),
    vitest: pick(rootDeps, "vitest"),
    typesNode: pick(rootDeps, "@types/node"),
  };
}
