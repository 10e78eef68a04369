import { spawn } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./repo";

/**
 * The release as CI and the Dockerfile build it (scripts/release/build.sh, into <repo>/release),
 * so a figure measures the deployed bundle on plain Node, not TypeScript through tsx.
 * Returns the path of its `roster` command.
 */
export async function buildRelease(): Promise<string> {
  const root = repoRoot();
  const out = path.join(root, "release");
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("bash", ["scripts/release/build.sh", "--no-install", out], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      text += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(text) : reject(new Error(`scripts/release/build.sh failed (exit ${code}):\n${text.slice(-3000)}`)),
    );
  });
  if (!output.includes("release built")) throw new Error(`scripts/release/build.sh said nothing of a release:\n${output}`);
  return path.join(out, "apps/cli/dist/roster.js");
}
