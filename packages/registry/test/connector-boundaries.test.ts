import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectorBoundaryViolations } from "@roster/testkit";
import { describe, expect, it } from "vitest";

const connectorsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../connectors");
const folders = readdirSync(connectorsDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe("adding a connector touches its folder and the registry line only", () => {
  it.each(folders)("connectors/%s imports nothing outside its folder but the contract (and, in tests, its simulator)", (id) => {
    // Tried: every import of every TypeScript file under connectors/<id>/src and test.
    // Must hold: none reaches another folder, another connector, or a Roster package besides
    // @roster/core (tests: also the shared test packages and @roster/sim-<id>).
    expect(connectorBoundaryViolations(path.join(connectorsDir, id))).toEqual([]);
  });
});
