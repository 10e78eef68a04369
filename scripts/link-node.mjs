// Runs after `pnpm install` (root postinstall), on whatever Node pnpm itself runs on.
// The project's Node comes from the npm registry as node-<platform>-<arch>; pnpm links its
// binary into node_modules/.bin through a shell wrapper that neither execs nor forwards
// signals (SIGTERM would kill the wrapper and orphan the real process), so the wrapper is
// replaced by a plain symlink to the binary.
import { existsSync, lstatSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const binDir = path.join(root, "node_modules", ".bin");
const shim = path.join(binDir, "node");
const pkg = `node-${process.platform}-${process.arch}`;
const binary = path.join(root, "node_modules", pkg, "bin", "node");

if (existsSync(shim) || isDanglingLink(shim)) rmSync(shim);
if (existsSync(binary)) {
  symlinkSync(path.relative(binDir, binary), shim);
} else {
  console.warn(
    `[roster] no ${pkg} package on the npm registry for this machine: install Node 24 LTS yourself and put it first on the PATH.`,
  );
}

function isDanglingLink(file) {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
