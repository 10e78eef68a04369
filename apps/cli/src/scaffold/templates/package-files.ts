import type { ConnectorNames } from "../names";
import type { ToolVersions } from "../versions";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function packageJson(n: ConnectorNames, v: ToolVersions): string {
  return json({
    name: n.packageName,
    version: "0.0.0",
    private: true,
    type: "module",
    description: `Roster connector for ${n.title} (scaffolded by roster new-connector).`,
    exports: { ".": "./src/index.ts" },
    scripts: { typecheck: "tsc -p .", test: "vitest run" },
    dependencies: { "@roster/core": "workspace:*", zod: v.zod },
    devDependencies: { "@roster/testkit": "workspace:*", "@types/node": v.typesNode, typescript: v.typescript, vitest: v.vitest },
  });
}

/** `base` is the path from the package folder to the repo's tsconfig.base.json. */
export function tsconfigJson(base: string): string {
  return `{\n  "extends": ${JSON.stringify(base)},\n  "include": ["src", "test"]\n}\n`;
}

export function vitestConfig(n: ConnectorNames): string {
  return `import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "connector-${n.id}",
    // The contract suite syncs over real HTTP into PostgreSQL many times over.
    testTimeout: 60_000,
    // Fault checks make the HTTP client log every retry; LOG_LEVEL=warn shows them.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
  },
});
`;
}
