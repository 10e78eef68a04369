import http from "node:http";
import type { AddressInfo } from "node:net";
import { loadConfig } from "@roster/config";
import { applySyncOutcome } from "@roster/connection-policy";
import { generateEncryptionKey } from "@roster/secrets";
import { createEndpoint } from "@roster/webhooks";
import { settle } from "../harness/database";
import { type Figure, fmt } from "../harness/figure";
import { startWorkerProcess } from "../harness/product-processes";
import { mainSync, syncOnce } from "../scenarios/zenefits-sync";
import type { Benchmark } from "./types";

const lines = [{ id: "11", title: "change webhooks of a 1%-changed re-sync: last delivery after the sync's end" }];
const LIMIT_MS = 10_000;

/** A receiver on loopback: each delivery's webhook-id and arrival time; answers 204. */
async function startReceiver() {
  const arrivals: { id: string; at: number }[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      arrivals.push({ id: String(req.headers["webhook-id"]), at: Date.now() });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/roster`,
    arrivals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Figure 11: after the main tenant's initial sync, 1% of its people change at the provider and
 * the tenant is re-synced (the engine in a child process, unpaced as in figures 1–5); then the
 * worker's policy applies the outcome as its sync_connection task does (sync.succeeded and the
 * fan-out request, in one transaction). The real worker (own process) fans change_log out and
 * delivers every event to a receiver on loopback. Value: from that commit (the sync's end) to the
 * last delivery; PASS needs every event (one per changed person, plus sync.succeeded) received
 * exactly once, within 10 s.
 */
export const changeWebhooks: Benchmark = {
  id: "11",
  title: "change webhooks after a re-sync",
  lines,
  async run(ctx) {
    const main = await mainSync(ctx);
    const { db } = main.db;
    const encryptionKey = generateEncryptionKey();
    const receiver = await startReceiver();
    await createEndpoint(
      db,
      encryptionKey,
      { organisationId: main.fixture.organisationId, userId: null },
      { url: receiver.url, events: ["employee.created", "employee.updated", "employee.deleted", "sync.succeeded"] },
    );
    const worker = await ctx.progress.step("starting the worker (apps/worker, own process)", () =>
      startWorkerProcess({ databaseUrl: main.db.url, encryptionKey }),
    );
    try {
      const change = Math.max(1, Math.round(main.sim.people / 100));
      const mutation = await main.sim.mutate({ change });
      await settle(main.db.url);
      const resync = await ctx.progress.step(
        `re-sync after changing ${fmt.count(mutation.changed.length)} people (child process)`,
        () => syncOnce(ctx, main),
      );
      const run = await db
        .selectFrom("sync_runs")
        .select("id")
        .where("connection_id", "=", main.fixture.connectionId)
        .orderBy("started_at", "desc")
        .executeTakeFirstOrThrow();
      const config = loadConfig({ NODE_ENV: "production" });
      await db.transaction().execute(async (trx) => {
        const connection = await trx
          .selectFrom("connections")
          .selectAll()
          .where("id", "=", main.fixture.connectionId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        await applySyncOutcome(trx, connection, { runId: run.id, status: "succeeded" }, new Date(), config);
      });
      // The sync's end, as the product records it: the policy's transaction has committed.
      const endedAt = Date.now();
      const changes = await db
        .selectFrom("change_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("run_id", "=", run.id)
        .where("entity", "=", "employees")
        .executeTakeFirstOrThrow();
      const expected = Number(changes.n) + 1;
      const deadline = endedAt + 60_000;
      await ctx.progress.step(`waiting for ${fmt.count(expected)} events at the receiver`, async () => {
        while (new Set(receiver.arrivals.map((a) => a.id)).size < expected && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // A moment more, so a duplicate would show.
        await new Promise((resolve) => setTimeout(resolve, 1000));
      });
      const ids = new Set(receiver.arrivals.map((a) => a.id));
      const duplicates = receiver.arrivals.length - ids.size;
      const last = Math.max(...receiver.arrivals.map((a) => a.at));
      const complete = ids.size === expected;
      const ms = complete ? last - endedAt : deadline - endedAt;
      const figure: Figure = {
        id: "11",
        title: `${lines[0]!.title} (${fmt.count(main.sim.people)} people, ${fmt.count(mutation.changed.length)} changed)`,
        value: fmt.seconds(ms),
        baseline: "—",
        ratio: null,
        target: `all exactly once, < ${LIMIT_MS / 1000} s`,
        status: complete && duplicates === 0 && ms < LIMIT_MS ? "PASS" : "FAIL",
        note:
          `${fmt.count(ids.size)} of ${fmt.count(expected)} events received, ${duplicates} duplicates; ` +
          `re-sync ${fmt.seconds(resync.report.result.wallMs)}`,
        details: { expected, received: receiver.arrivals.length, duplicates, ms, resyncMs: resync.report.result.wallMs },
      };
      return [figure];
    } finally {
      await worker.stop();
      await receiver.close();
    }
  },
};
