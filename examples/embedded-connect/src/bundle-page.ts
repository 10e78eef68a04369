import path from "node:path";
import { build } from "esbuild";

/**
 * The settings page's script: src/page/main.tsx with React and @roster/connect-react, bundled
 * in memory by esbuild when the server starts (a real product would bundle at build time).
 */
export async function bundleSettingsPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, "page", "main.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    minify: true,
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error("esbuild produced no bundle for the settings page");
  return file.text;
}
