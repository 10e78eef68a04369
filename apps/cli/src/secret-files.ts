import { readFile, stat } from "node:fs/promises";
import { usageError } from "./exit-codes";
import type { Output } from "./output/output";

/** A secret's flag and the file it names ("-": standard input). */
export interface SecretFile {
  flag: string;
  path: string;
}

// A token, key or password is a line; anything larger is almost certainly the wrong file.
const MAX_BYTES = 64 * 1024;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function unreadable(flag: string, path: string, error: NodeJS.ErrnoException): Error {
  const why =
    error.code === "ENOENT"
      ? "does not exist"
      : error.code === "EACCES"
        ? "cannot be read (permission denied)"
        : error.code === "EISDIR"
          ? "is a folder, not a file"
          : `cannot be read (${error.code ?? error.message})`;
  return usageError(
    `${flag}: ${path} ${why}.`,
    `Put the secret alone in a file readable by you only (chmod 600) and pass its path, or pass ${flag} - to read it from standard input.`,
  );
}

async function readOne(out: Output, { flag, path }: SecretFile): Promise<string> {
  let text: string;
  if (path === "-") {
    if (process.stdin.isTTY) out.note(`Reading ${flag} from standard input: type or paste it, then press Ctrl-D.`);
    text = await readStdin();
  } else {
    try {
      const info = await stat(path);
      if (info.isFile() && info.size > MAX_BYTES) {
        throw usageError(`${flag}: ${path} is larger than 64 KB: is it the right file? It should hold only the secret.`);
      }
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code) throw unreadable(flag, path, error as NodeJS.ErrnoException);
      throw error;
    }
  }
  // The line break an editor or `echo` leaves is not part of the secret.
  const value = text.replace(/[\r\n]+$/, "");
  if (value.trim() === "") throw usageError(`${flag}: ${path === "-" ? "standard input" : path} is empty.`);
  out.addSecret(value);
  return value;
}

/**
 * Reads secrets from the files their flags name, never from argv (where `ps` and shell
 * history would keep them). Each value is registered with the output before anything else
 * runs, so no message can print it. Standard input can serve one flag only.
 */
export async function readSecretFiles(out: Output, files: readonly SecretFile[]): Promise<string[]> {
  const fromStdin = files.filter((f) => f.path === "-");
  if (fromStdin.length > 1) {
    throw usageError(
      `Only one secret can come from standard input, but ${fromStdin.map((f) => f.flag).join(" and ")} all say "-".`,
      "Give the others as files.",
    );
  }
  const values: string[] = [];
  for (const file of files) values.push(await readOne(out, file));
  return values;
}
