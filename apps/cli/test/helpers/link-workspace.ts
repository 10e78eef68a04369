import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as PackageJson;

function workspaceFolders(root: string): string[] {
  return ["packages", "connectors", "apps"].flatMap((group) => {
    const dir = path.join(root, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "package.json")))
      .map((d) => path.join(dir, d.name));
  });
}

/** The version a "catalog:" spec stands for, from the catalog in pnpm-workspace.yaml. */
function catalogVersion(root: string, name: string): string | undefined {
  const workspace = parse(readFileSync(path.join(root, "pnpm-workspace.yaml"), "utf8")) as { catalog?: Record<string, string> };
  return workspace.catalog?.[name];
}

/**
 * Creates the node_modules links `pnpm install` would create for a package the lockfile does
 * not know yet: workspace:* deps point at their workspace folder, pinned deps at the copy of
 * exactly that version the workspace already has. Running `pnpm install` instead would
 * rewrite the shared lockfile (and race other installs); this touches only `dir`.
 * Throws when a pinned version is not installed anywhere: that is a real scaffold bug.
 */
export function linkWorkspaceDependencies(root: string, dir: string): void {
  const pkg = readJson(path.join(dir, "package.json"));
  const folders = workspaceFolders(root);
  const wanted = { ...pkg.dependencies, ...pkg.devDependencies };
  for (const [name, wantedSpec] of Object.entries(wanted)) {
    const spec = wantedSpec === "catalog:" ? (catalogVersion(root, name) ?? wantedSpec) : wantedSpec;
    let target: string | undefined;
    if (spec.startsWith("workspace:")) {
      target = folders.find((folder) => readJson(path.join(folder, "package.json")).name === name);
    } else {
      target = [root, ...folders]
        .map((folder) => path.join(folder, "node_modules", name))
        .filter((candidate) => existsSync(path.join(candidate, "package.json")))
        .map((candidate) => realpathSync(candidate))
        .find((real) => readJson(path.join(real, "package.json")).version === spec);
    }
    if (!target) throw new Error(`no installed ${name}@${spec} in the workspace to link`);
    const link = path.join(dir, "node_modules", name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(target, link, "dir");
  }
}
