import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

/**
 * What a connector's own files may import, so that adding one is its folder plus one registry
 * line: its code sees Roster only through the contract (@roster/core); its tests may also use
 * the shared test infrastructure and its own simulator package, which other code never needs
 * to change for it. npm packages it declares itself are its own business.
 */
export const CONNECTOR_SOURCE_IMPORTS = ["@roster/core"] as const;
export const CONNECTOR_TEST_IMPORTS = [
  "@roster/core",
  "@roster/testkit",
  "@roster/sync",
  "@roster/db",
  "@roster/logger",
] as const;

export interface BoundaryViolation {
  /** Relative to the connector's folder, with forward slashes. */
  file: string;
  specifier: string;
  reason: string;
}

// `import … from "x"`, `export … from "x"`, `import "x"` (at a statement's start, so a string
// that merely ends in the word "import" is not one), `import("x")`, `require("x")`.
const SPECIFIER =
  /(?:\b(?:import|export)\s+(?:type\s+)?[^'"`;]*?\bfrom\s*|(?:^|;)\s*import\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^"']+)["']/gm;

/** The module specifiers a TypeScript file imports (comments are not code). */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  return [...code.matchAll(SPECIFIER)].map((match) => match[1] as string);
}

/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name". */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

function typeScriptFiles(dir: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : typeScriptFiles(at);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [at] : [];
  });
}

interface PackageJson {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * Every import of a connector package (connectors/<id>) that reaches outside it: a relative
 * path leaving the folder, a Roster package other than the ones allowed above (its tests may
 * also use `@roster/sim-<id>`), or an npm package its package.json does not declare.
 */
export function connectorBoundaryViolations(connectorDir: string): BoundaryViolation[] {
  const root = path.resolve(connectorDir);
  const id = path.basename(root);
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as PackageJson;
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
  const builtins = new Set(builtinModules);
  const violations: BoundaryViolation[] = [];
  for (const file of [...typeScriptFiles(path.join(root, "src")), ...typeScriptFiles(path.join(root, "test"))]) {
    const relative = path.relative(root, file).split(path.sep).join("/");
    const inTests = relative.startsWith("test/") || /\.test\.tsx?$/.test(relative);
    const allowed = new Set<string>(inTests ? [...CONNECTOR_TEST_IMPORTS, `@roster/sim-${id}`] : CONNECTOR_SOURCE_IMPORTS);
    for (const specifier of importSpecifiers(readFileSync(file, "utf8"))) {
      const refuse = (reason: string) => violations.push({ file: relative, specifier, reason });
      if (specifier.startsWith(".")) {
        const target = path.resolve(path.dirname(file), specifier);
        if (target !== root && !target.startsWith(`${root}${path.sep}`))
          refuse("a relative import leaving the connector's folder");
        else if (!inTests && !target.startsWith(path.join(root, "src"))) refuse("source code importing from the tests");
        continue;
      }
      if (specifier.startsWith("node:") || builtins.has(specifier)) continue;
      const name = packageOf(specifier);
      if (name === pkg.name) continue;
      if (name.startsWith("@roster/")) {
        if (!allowed.has(name)) {
          refuse(inTests ? `tests may use ${[...allowed].join(", ")}` : "source code may use only @roster/core from Roster");
        }
        if (!declared.has(name)) refuse(`${name} is not in the connector's package.json`);
        continue;
      }
      if (!declared.has(name)) refuse(`${name} is not in the connector's package.json`);
    }
  }
  return violations;
}
