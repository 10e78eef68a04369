/**
 * A measured sync must run as the worker is deployed. What was tried: reading the worker's
 * start script and the Dockerfile as they are committed. What must hold: every `--` flag of
 * the script and every `ENV` of the image but NODE_ENV reach the measured children, so a
 * setting changed in one place cannot leave the figures measuring the old one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { imageEnv, startFlags } from "../src/harness/deployed-process";
import { repoRoot } from "../src/harness/repo";

describe("the bench's view of the deployed processes", () => {
  it("takes the worker's node flags from its start script, without the TypeScript loader", () => {
    const script = JSON.parse(readFileSync(path.join(repoRoot(), "apps/worker/package.json"), "utf8")).scripts.start as string;
    const flags = startFlags("@roster/worker");
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(script).toContain(flag);
    expect(flags.join(" ")).not.toContain("tsx");
    expect(flags.some((flag) => flag.startsWith("--max-old-space-size="))).toBe(true);
  });

  it("takes the image's environment from the Dockerfile's ENV lines, leaving NODE_ENV to each process", () => {
    const dockerfile = readFileSync(path.join(repoRoot(), "Dockerfile"), "utf8");
    const env = imageEnv();
    expect(env.NODE_ENV).toBeUndefined();
    expect(Object.keys(env).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(env)) expect(dockerfile).toContain(`ENV ${name}=${value}`);
    expect(env.GLIBC_TUNABLES).toMatch(/glibc\.malloc\.arena_max=\d+/);
  });
});
