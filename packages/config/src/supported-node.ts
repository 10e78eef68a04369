/** The oldest Node major Roster runs on: the active LTS line; older lines get no security fixes. */
export const SUPPORTED_NODE_MAJOR = 24;

/** Why this Node cannot run Roster, and how to get one that can; null when it can. */
export function unsupportedNodeMessage(version: string = process.versions.node): string | null {
  const major = Number(version.split(".")[0]);
  if (major >= SUPPORTED_NODE_MAJOR) return null;
  return [
    `Roster needs Node ${SUPPORTED_NODE_MAJOR} LTS or later; this is Node ${version} (${process.execPath}).`,
    `The project brings its own Node ${SUPPORTED_NODE_MAJOR}: \`pnpm install\` puts it in node_modules/.bin, and every`,
    "`pnpm …` command (pnpm start, pnpm test, pnpm roster …) runs with it first on the PATH.",
    "Run Roster through pnpm, or put node_modules/.bin first on your PATH.",
  ].join("\n");
}

/** Stops an entry point at once under an unsupported Node, saying how to get the right one. */
export function requireSupportedNode(): void {
  const message = unsupportedNodeMessage();
  if (message === null) return;
  console.error(message);
  process.exit(1);
}
