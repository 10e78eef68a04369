import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface SecretFolder {
  /** Writes `value` (with the newline an editor leaves) to a new file readable by its owner only; returns its path. */
  file(value: string): string;
  remove(): void;
}

/** A temporary folder for the secret files a test hands the CLI, as an operator would. */
export function secretFolder(): SecretFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roster-cli-secrets-"));
  let count = 0;
  return {
    file(value) {
      const file = path.join(dir, `secret-${++count}`);
      writeFileSync(file, `${value}\n`, { mode: 0o600 });
      return file;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
