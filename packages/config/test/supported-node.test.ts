import { execFileSync, spawnSync } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SUPPORTED_NODE_MAJOR, unsupportedNodeMessage } from "../src/supported-node";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Every `node` on the PATH that is older than the supported line (the machine's own, say). */
function olderNodesOnPath(): string[] {
  const found = spawnSync("which", ["-a", "node"], { encoding: "utf8" }).stdout.split("\n").filter(Boolean);
  return [...new Set(found.map((bin) => realpathSync(bin)))].filter((bin) => {
    const version = execFileSync(bin, ["-p", "process.versions.node"], { encoding: "utf8" }).trim();
    return Number(version.split(".")[0]) < SUPPORTED_NODE_MAJOR;
  });
}

describe("the supported Node line", () => {
  it("these tests themselves run on the project's own Node", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(SUPPORTED_NODE_MAJOR);
  });

  it("refuses an older line with a message that says how to get the right one", () => {
    const message = unsupportedNodeMessage("20.20.2");
    expect(message).toContain("Node 24 LTS");
    expect(message).toContain("pnpm install");
    expect(unsupportedNodeMessage("24.0.0")).toBeNull();
    expect(unsupportedNodeMessage("26.1.0")).toBeNull();
  });

  // Tried: the CLI started by hand with the machine's older `node` (on these machines, Node 20).
  // Must hold: it stops at once, exit code 1, saying how to get Node 24; nothing else runs.
  it.each(olderNodesOnPath())("the CLI under %s stops at once and says why", (oldNode) => {
    const run = spawnSync(oldNode, ["apps/cli/bin/roster.js", "migrate"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Roster needs Node ${SUPPORTED_NODE_MAJOR} LTS`);
    expect(run.stdout).toBe("");
  });
});
