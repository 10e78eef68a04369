import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readyLines, sandboxConnectHints, sandboxSimulators, sandboxUrlEnvironment } from "../start/simulators";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const scratch = mkdtempSync(path.join(os.tmpdir(), "roster-simulators-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A workspace with one package, declaring the given sandbox simulator. */
function workspaceWith(name: string, declaration: unknown): string {
  const dir = mkdtempSync(path.join(scratch, "ws-"));
  mkdirSync(path.join(dir, "packages", name), { recursive: true });
  writeFileSync(
    path.join(dir, "packages", name, "package.json"),
    JSON.stringify({ name: `@roster/${name}`, roster: { sandboxSimulator: declaration } }),
  );
  mkdirSync(path.join(dir, "packages", "not-a-simulator"));
  writeFileSync(path.join(dir, "packages", "not-a-simulator", "package.json"), JSON.stringify({ name: "@roster/x" }));
  return dir;
}

describe("sandbox simulators, found in their own package.json", () => {
  it("finds this repository's three, at their fixed ports, and points each connector at its own", () => {
    // Tried: the real packages/ folder. Must hold: Zenefits, Lever and BambooHR simulators with
    // the documented ports, each connector's <CONNECTOR>_SANDBOX_URL, and the connect hints.
    const simulators = sandboxSimulators(root, {});
    expect(simulators.map((s) => [s.connector, s.port])).toEqual([
      ["zenefits", 4010],
      ["lever", 4020],
      ["bamboohr", 4030],
    ]);
    expect(sandboxUrlEnvironment(simulators)).toEqual({
      ZENEFITS_SANDBOX_URL: "http://127.0.0.1:4010",
      LEVER_SANDBOX_URL: "http://127.0.0.1:4020",
      BAMBOOHR_SANDBOX_URL: "http://127.0.0.1:4030",
    });
    expect(Object.keys(sandboxConnectHints(simulators)).sort()).toEqual(["bamboohr", "zenefits"]);
  });

  it("a new provider's simulator is picked up from its folder alone, its port moved by <CONNECTOR>_SIM_PORT", () => {
    // Tried: a workspace whose only simulator is acme-hr's, with ACME_HR_SIM_PORT set. Must hold:
    // it is found at that port, its URL variable and hint are derived, {web} and {url} filled in.
    const dir = workspaceWith("sim-acme-hr", {
      connector: "acme-hr",
      port: 4090,
      connectHint: "Sandbox: token acme-sandbox",
      readyLines: ["Acme ({web}/settings/integrations/acme-hr): curl {url}/__admin/truth"],
    });
    const [acme, ...others] = sandboxSimulators(dir, { ACME_HR_SIM_PORT: "5099" });
    expect(others).toEqual([]);
    expect(acme).toMatchObject({ name: "sim-acme-hr", dir: path.join("packages", "sim-acme-hr"), port: 5099 });
    expect(sandboxUrlEnvironment([acme!])).toEqual({ ACME_HR_SANDBOX_URL: "http://127.0.0.1:5099" });
    expect(sandboxConnectHints([acme!])).toEqual({ "acme-hr": "Sandbox: token acme-sandbox" });
    expect(readyLines(acme!, "http://localhost:5173")).toEqual([
      "Acme (http://localhost:5173/settings/integrations/acme-hr): curl http://127.0.0.1:5099/__admin/truth",
    ]);
  });

  it("refuses a malformed declaration, naming the package", () => {
    // Tried: a declaration without a port. Must hold: an error naming the package.json, not a
    // simulator started on an undefined port.
    const dir = workspaceWith("sim-broken", { connector: "broken" });
    expect(() => sandboxSimulators(dir, {})).toThrow(/packages\/sim-broken\/package\.json: roster\.sandboxSimulator is invalid/);
  });
});
