import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findConnector } from "@roster/registry";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes";
import type { Output } from "../output/output";
import { repoRoot } from "../repo-root";
import { scaffoldFiles } from "../scaffold/files";
import { connectorNames } from "../scaffold/names";
import { workspaceVersions } from "../scaffold/versions";

export interface NewConnectorOptions {
  /** The folder to create <name>/ in; default connectors/ of this checkout. */
  dir?: string;
}

/**
 * `roster new-connector <name>`: a connector package that typechecks and passes the whole
 * contract suite against its own simulator before its author changes a line. Never
 * overwrites: an existing folder is an error.
 */
export async function newConnectorCommand(out: Output, name: string, options: NewConnectorOptions): Promise<ExitCodeValue> {
  const names = connectorNames(name);
  if (findConnector(names.id)) {
    throw new CliError(ExitCode.failed, `A connector with id "${names.id}" is already installed.`, { kind: "exists" });
  }
  const root = repoRoot();
  const parent = path.resolve(options.dir ?? path.join(root, "connectors"));
  const target = path.join(parent, names.id);
  if (existsSync(target)) {
    throw new CliError(ExitCode.failed, `${target} already exists; refusing to overwrite it.`, {
      kind: "exists",
      hint: "Pick another name, or remove the folder first.",
    });
  }
  const base = path.relative(target, path.join(root, "tsconfig.base.json")).split(path.sep).join("/");
  const files = scaffoldFiles(names, workspaceVersions(root), base);
  for (const file of files) {
    const at = path.join(target, file.path);
    mkdirSync(path.dirname(at), { recursive: true });
    // "wx": fail rather than replace, should anything appear there meanwhile.
    writeFileSync(at, file.content, { flag: "wx" });
  }

  const registryImport = `import { ${names.camel} } from "${names.packageName}";`;
  const registryDependency = `"${names.packageName}": "workspace:*"`;
  const relTarget = path.relative(process.cwd(), target) || ".";
  out.data({
    ok: true,
    id: names.id,
    package: names.packageName,
    dir: target,
    files: files.map((f) => f.path),
    registry: {
      file: "packages/registry/src/index.ts",
      import: registryImport,
      arrayEntry: names.camel,
      dependency: registryDependency,
    },
  });

  const { c } = out;
  out.line(`${c.green("✓")} Created ${c.bold(names.packageName)} in ${relTarget}/`);
  for (const file of files) out.line(`  ${c.dim(file.path)}`);
  out.line();
  out.line("Next:");
  out.line(`  1. ${c.bold("pnpm install")}   links the new package into the workspace`);
  out.line(`  2. ${c.bold(`pnpm exec vitest run --project connector-${names.id}`)}   the contract suite, green from the start`);
  out.line(`  3. Register it in packages/registry/src/index.ts (and ${registryDependency} in packages/registry/package.json):`);
  out.line();
  out.line(`     ${c.cyan(registryImport)}`);
  out.line(`     ${c.dim(`export const connectors = [..., ${names.camel}];`)}`);
  out.line();
  out.line(`  Then replace the TODOs with ${names.title}'s API: ${relTarget}/README.md explains the contract.`);
  return ExitCode.ok;
}
