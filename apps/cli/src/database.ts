import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { assertDatabaseReachable, createDb, DatabaseUnavailableError, type Db } from "@roster/db";
import { config } from "./config";
import { usageError } from "./exit-codes";
import { dataDir } from "./repo-root";

export interface DatabaseTarget {
  url: string;
  /** Where the URL came from, for messages. */
  source: "DATABASE_URL" | "runtime.json";
}

function processAlive(pid: unknown): boolean {
  if (typeof pid !== "number") return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * DATABASE_URL when set; otherwise the database of the sandbox `pnpm start` is running,
 * which it records in <ROSTER_DATA_DIR>/runtime.json. Neither: say so, and how to fix it.
 */
export function resolveDatabase(env: Record<string, string | undefined> = process.env): DatabaseTarget {
  const url = config(env).DATABASE_URL;
  if (url) return { url, source: "DATABASE_URL" };
  const file = path.join(dataDir(env), "runtime.json");
  if (!existsSync(file)) {
    throw usageError(
      `No database to use: DATABASE_URL is not set and no running sandbox was found (${file} does not exist).`,
      "Start the sandbox with `pnpm start` in another terminal, or set DATABASE_URL=postgres://user:pass@host:5432/roster.",
    );
  }
  let runtime: { databaseUrl?: unknown; pid?: unknown };
  try {
    runtime = JSON.parse(readFileSync(file, "utf8")) as typeof runtime;
  } catch (error) {
    throw usageError(`${file} is not valid JSON (${(error as Error).message}).`, "Restart `pnpm start`, or set DATABASE_URL.");
  }
  if (typeof runtime.databaseUrl !== "string")
    throw usageError(`${file} has no databaseUrl.`, "Restart `pnpm start`, or set DATABASE_URL.");
  if (!processAlive(runtime.pid)) {
    throw usageError(
      `${file} was written by a \`pnpm start\` (pid ${String(runtime.pid)}) that is no longer running.`,
      "Start the sandbox again with `pnpm start`, or set DATABASE_URL.",
    );
  }
  return { url: runtime.databaseUrl, source: "runtime.json" };
}

/** Resolves, checks reachability (fails fast with PostgreSQL's reason) and opens a small pool. */
export async function openDatabase(env: Record<string, string | undefined> = process.env): Promise<Db> {
  const target = resolveDatabase(env);
  try {
    await assertDatabaseReachable(target.url);
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) {
      throw usageError(
        error.message,
        target.source === "runtime.json"
          ? "Is `pnpm start` still running?"
          : "Check DATABASE_URL and that PostgreSQL is running.",
      );
    }
    throw error;
  }
  // The sync engine holds one connection for its lock and writes on others.
  return createDb(target.url, { max: 4, applicationName: "roster-cli" });
}

/**
 * The key stored credentials were encrypted with: ENCRYPTION_KEY, or the sandbox's local
 * key file that `pnpm start` generates beside its data.
 */
export function resolveEncryptionKey(env: Record<string, string | undefined> = process.env): string {
  const key = config(env).ENCRYPTION_KEY;
  if (key) return key;
  const file = path.join(dataDir(env), "encryption.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  throw usageError(
    `ENCRYPTION_KEY is not set and the sandbox key file ${file} does not exist.`,
    "Set ENCRYPTION_KEY to the key the API and worker use (32 bytes, base64).",
  );
}
