import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { connectorBoundaryViolations, importSpecifiers } from "../src/index";

const tmp = mkdtempSync(path.join(os.tmpdir(), "roster-boundaries-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A connector folder with these files (path → source) and this package.json. */
function connectorFolder(id: string, files: Record<string, string>, deps: Record<string, string> = {}): string {
  const dir = path.join(tmp, id);
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), source);
  }
  const devDependencies = { vitest: "1", "@roster/testkit": "workspace:*", [`@roster/sim-${id}`]: "workspace:*" };
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({
      name: `@roster/connector-${id}`,
      dependencies: { "@roster/core": "workspace:*", zod: "4", ...deps },
      devDependencies,
    }),
  );
  return dir;
}

describe("connector import boundaries", () => {
  it("finds every kind of import statement", () => {
    // Tried: static, type-only, multi-line, re-export, side-effect, dynamic and commented-out
    // imports. Must hold: every real one listed, the commented one not.
    const source = `import { a } from "a";\nimport type { B } from "b";\nimport {\n  c,\n} from "c";\nexport * from "./d";\nimport "e";\nconst f = await import("f");\n// import { g } from "g";\n`;
    expect(importSpecifiers(source)).toEqual(["a", "b", "c", "./d", "e", "f"]);
  });

  it("accepts a connector that uses only the contract, its declared npm packages and, in tests, its simulator", () => {
    // Tried: the imports a well-kept connector has. Must hold: no violation.
    const dir = connectorFolder("tidy", {
      "src/index.ts": `import { defineConnector } from "@roster/core";\nimport { z } from "zod";\nimport { createHash } from "node:crypto";\nimport { manifest } from "./manifest";\n`,
      "src/manifest.ts": "export const manifest = {};\n",
      "test/contract.test.ts": `import { runConnectorContract } from "@roster/testkit";\nimport { startTidySim } from "@roster/sim-tidy";\nimport { expect } from "vitest";\nimport { tidy } from "../src/index";\n`,
    });
    expect(connectorBoundaryViolations(dir)).toEqual([]);
  });

  it("refuses imports that make adding a connector touch other folders", () => {
    // Tried: source code reaching another connector, the sync engine, a path outside its folder,
    // its own tests and an undeclared npm package; a test using another provider's simulator.
    // Must hold: one violation for each, naming file and specifier.
    const dir = connectorFolder("messy", {
      "src/index.ts": `import { leverWebhook } from "@roster/connector-lever";\nimport { runSync } from "@roster/sync";\nimport { x } from "../../packages/core/src/x";\nimport { fixture } from "../test/fixture";\nimport dayjs from "dayjs";\n`,
      "test/fixture.ts": `import { startZenefitsSim } from "@roster/sim-zenefits";\n`,
    });
    const found = connectorBoundaryViolations(dir).map((v) => `${v.file} ${v.specifier}`);
    expect(found).toEqual(
      expect.arrayContaining([
        "src/index.ts @roster/connector-lever",
        "src/index.ts @roster/sync",
        "src/index.ts ../../packages/core/src/x",
        "src/index.ts ../test/fixture",
        "src/index.ts dayjs",
        "test/fixture.ts @roster/sim-zenefits",
      ]),
    );
  });
});
