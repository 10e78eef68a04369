import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../src/embedded";

describe("embedded PostgreSQL", () => {
  it("is reached through a Unix socket and caches an eighth of the machine's memory (at most 1 GB), not PostgreSQL's 128 MB default", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "roster-embedded-test-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(root, "data"), persistent: false });
    try {
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ mb: string }>(
        "select setting::bigint * current_setting('block_size')::bigint / 1048576 as mb from pg_settings where name = 'shared_buffers'",
      );
      // inet_server_addr() is null on a Unix-socket connection.
      const via = await client.query<{ addr: string | null }>("select inet_server_addr() as addr");
      await client.end();
      expect(via.rows[0]?.addr).toBeNull();
      const expected = Math.max(128, Math.min(1024, Math.floor(os.totalmem() / 8 / 2 ** 20)));
      expect(Number(rows[0]?.mb)).toBe(expected);
    } finally {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
