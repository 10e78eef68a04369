import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, type Db, migrateToLatest, startEmbeddedPostgres, withDatabase } from "@roster/db";
import pg from "pg";

export interface BenchServer {
  /** URL of a database on the server that may create and drop databases. */
  adminUrl: string;
  embedded: boolean;
  /** PID of our own postmaster (embedded only), for CPU accounting. */
  postmasterPid: number | null;
  version: string;
  stop(): Promise<void>;
}

/**
 * The server at DATABASE_URL when set, else an embedded PostgreSQL in a temp folder.
 * The embedded one keeps PostgreSQL's durable defaults (fsync, synchronous_commit on), as
 * performance.md measured and production runs, unlike the test clusters that turn them off.
 */
export async function startServer(): Promise<BenchServer> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      adminUrl: external,
      embedded: false,
      postmasterPid: null,
      version: await serverVersion(external),
      stop: async () => {},
    };
  }
  const root = await mkdtemp(path.join(os.tmpdir(), "roster-bench-pg-"));
  const dataDir = path.join(root, "data");
  // persistent: true only selects the durable settings; the folder is removed below.
  const embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
  const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    adminUrl: embedded.url,
    embedded: true,
    postmasterPid: Number.isInteger(pid) ? pid : null,
    version: await serverVersion(embedded.url),
    stop: async () => {
      await embedded.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return rows[0]?.v ?? "?";
  });
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: "roster-bench" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface FreshDb {
  name: string;
  url: string;
  db: Db;
}

/** Fresh databases cloned from one migrated template; every one is dropped by dropAll. */
export class Databases {
  private templateName: string | null = null;
  private readonly made: string[] = [];
  private readonly open: Db[] = [];
  private counter = 0;

  constructor(
    private readonly server: BenchServer,
    private readonly prefix: string,
  ) {}

  private async template(): Promise<string> {
    if (this.templateName) return this.templateName;
    const name = `${this.prefix}_template`;
    await this.admin(`create database "${name}"`);
    this.made.push(name);
    const db = createDb(withDatabase(this.server.adminUrl, name), { max: 1 });
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    this.templateName = name;
    return name;
  }

  /** A new, migrated, empty database named after what it is for. */
  async fresh(label: string): Promise<FreshDb> {
    const template = await this.template();
    const name = `${this.prefix}_${++this.counter}_${label.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`.slice(0, 63);
    await this.admin(`create database "${name}" template "${template}"`);
    this.made.push(name);
    const url = withDatabase(this.server.adminUrl, name);
    const db = createDb(url, { max: 4, applicationName: "roster-bench" });
    this.open.push(db);
    return { name, url, db };
  }

  async dropAll(): Promise<void> {
    await Promise.all(this.open.map((db) => db.destroy().catch(() => {})));
    for (const name of this.made.reverse()) await this.admin(`drop database if exists "${name}" with (force)`).catch(() => {});
  }

  private admin(text: string): Promise<unknown> {
    return withClient(this.server.adminUrl, (client) => client.query(text));
  }
}

/** application_name of the measured children's sessions (children/sync.ts, children/floor.ts). */
export const measuredApplications = ["roster-bench-sync", "roster-bench-floor"];

/**
 * Ends the server sessions of a measured child that died or was killed: PostgreSQL notices a
 * vanished client only when it next writes to it, so a long statement would otherwise keep
 * burning CPU under the next benchmarks.
 */
export async function terminateMeasuredSessions(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = any($1)", [
      measuredApplications,
    ]),
  );
}

let checkpointRefused = false;

/**
 * Settles a database a measured child has just filled. Its fresh rows would otherwise wake
 * autovacuum a little later, under the next measured child, whose figure would then carry
 * that work too (PostgreSQL's CPU is counted for the whole server).
 */
export const settleAfter = (url: string): Promise<void> => settle(url);

/**
 * What performance.md did before every timed section: fresh statistics and visibility map
 * (VACUUM ANALYZE), then a CHECKPOINT so every run pays the same full-page-image WAL cost.
 */
export async function settle(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("vacuum analyze");
    if (checkpointRefused) return;
    try {
      await client.query("checkpoint");
    } catch (error) {
      // CHECKPOINT needs superuser or pg_checkpoint; an external server may refuse it.
      checkpointRefused = true;
      process.stderr.write(`warning: CHECKPOINT refused (${(error as Error).message}); timings include checkpoint noise\n`);
    }
  });
}
