import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./helpers/cli";
import { linkWorkspaceDependencies } from "./helpers/link-workspace";

// Generated inside the repo (so the package resolves the workspace like a real one), but under
// apps/cli rather than connectors/: the registry test fails while any unregistered folder sits
// in connectors/, and other test files run in parallel with this one.
const parent = path.join(repoRoot, "apps/cli", `.scaffold-test-${randomBytes(4).toString("hex")}`);
const dir = path.join(parent, "acme2");

/** A repo tool run to completion from the repo root; output kept for the failure message. */
function tool(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn("pnpm", ["exec", ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: "1" } });
  let output = "";
  child.stdout.on("data", (chunk) => (output += String(chunk)));
  child.stderr.on("data", (chunk) => (output += String(chunk)));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

beforeAll(() => {
  mkdirSync(parent, { recursive: true });
});
afterAll(() => {
  rmSync(parent, { recursive: true, force: true });
});

describe.concurrent("roster new-connector", () => {
  it("scaffolds a package that typechecks, is Biome-clean and passes the whole contract suite untouched", async () => {
    // Tried: `new-connector acme2 --dir <temp>`, links as `pnpm install` would make them, then tsc, biome and
    // the connector's own vitest run (contract suite + mapper tests) against the test PostgreSQL.
    // Must hold: exit 0 and the registry line printed; every listed file exists; tsc, biome and vitest green,
    // with every contract check run and none skipped.
    const result = await runCli(["new-connector", "acme2", "--dir", parent]);
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('import { acme2 } from "@roster/connector-acme2";');
    const json = await runCli(["new-connector", "acme2", "--dir", parent, "--json"]);
    expect(json.code, "a second run refuses to overwrite").toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { kind: "exists" } });

    for (const file of [
      "package.json",
      "tsconfig.json",
      "vitest.config.ts",
      "README.md",
      "src/index.ts",
      "src/manifest.ts",
      "test/contract.test.ts",
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name: string };
    expect(pkg.name).toBe("@roster/connector-acme2");

    linkWorkspaceDependencies(repoRoot, dir);
    // The child vitest clones this run's migrated template database (the ROSTER_TEST_* variables
    // the global setup exported), and those databases are dropped with the rest at teardown.
    const [tsc, biome, vitest] = await Promise.all([
      tool(["tsc", "-p", dir]),
      tool(["biome", "check", "--vcs-use-ignore-file=false", dir]),
      tool(["vitest", "run", "--root", dir, "--reporter", "json", "--outputFile", path.join(dir, "vitest-report.json")]),
    ]);
    expect(tsc.code, tsc.output).toBe(0);
    expect(biome.code, biome.output).toBe(0);
    expect(vitest.code, vitest.output).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, "vitest-report.json"), "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      testResults: { assertionResults: { title: string; status: string }[] }[];
    };
    const titles = report.testResults.flatMap((f) => f.assertionResults.map((a) => a.title));
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests, "no check skipped").toBe(0);
    for (const check of ["manifest", "pagination", "idempotent", "changes", "resume", "abort", "no-secrets"]) {
      expect(
        titles.some((t) => t.startsWith(`${check}:`)),
        `contract check ${check} ran`,
      ).toBe(true);
    }
  });

  it("refuses names that cannot be a package or an identifier (exit 2) and installed ids (exit 1)", async () => {
    // Tried: an upper-case name, a reserved word and "zenefits". Must hold: 2, 2, 1, and nothing written.
    expect((await runCli(["new-connector", "Bad_Name", "--dir", parent])).code).toBe(2);
    expect((await runCli(["new-connector", "class", "--dir", parent])).code).toBe(2);
    expect((await runCli(["new-connector", "zenefits", "--dir", parent])).code).toBe(1);
    for (const name of ["Bad_Name", "class", "zenefits"]) expect(existsSync(path.join(parent, name))).toBe(false);
  });
});
