import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { connectors, findConnector } from "../src/index";

const connectorsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../connectors");

describe("registry", () => {
  it("lists every connector package under connectors/, so none goes unregistered", () => {
    // Tried: compare the folders on disk with the registry array. Must hold: same set.
    const folders = readdirSync(connectorsDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    const ids = folders.map((d) => {
      const pkg = JSON.parse(readFileSync(path.join(connectorsDir, d.name, "package.json"), "utf8")) as { name: string };
      expect(pkg.name).toBe(`@roster/connector-${d.name}`);
      return d.name;
    });
    expect(connectors.map((c) => c.manifest.id).sort()).toEqual(ids.sort());
  });

  it("has unique ids and finds by id", () => {
    const ids = connectors.map((c) => c.manifest.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findConnector("zenefits")?.manifest.name).toBe("Zenefits");
    expect(findConnector("nope")).toBeUndefined();
  });
});
