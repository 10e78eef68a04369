import { sql } from "@roster/db";
import { expect } from "vitest";
import { defineCheck, sorted } from "./check";

export const idempotentCheck = defineCheck({
  id: "idempotent",
  title: "a second sync of unchanged data writes nothing: no created, updated or deleted records, no row rewritten",
  async run(h) {
    expect((await h.sync()).status).toBe("succeeded");
    const before = new Map<string, Map<string, unknown>>();
    for (const stream of Object.keys(h.connector.streams)) before.set(stream, await h.state(stream));
    const outcome = await h.sync();
    expect(outcome.status).toBe("succeeded");
    for (const [stream, counts] of Object.entries(outcome.counts)) {
      expect({ stream, created: counts.created, updated: counts.updated, deleted: counts.deleted }).toEqual({
        stream,
        created: 0,
        updated: 0,
        deleted: 0,
      });
    }
    for (const stream of Object.keys(h.connector.streams)) {
      expect(await h.state(stream), `rows of ${stream} keep their versions`).toEqual(before.get(stream));
    }
  },
});

export const changesCheck = defineCheck({
  id: "changes",
  title: "updates, additions and deletions made at the provider between syncs are reflected, and logged",
  async run(h) {
    expect((await h.sync()).status).toBe("succeeded");
    const change = await h.sim.mutate({ update: 3, add: 2, remove: 2 });
    expect(change.updated.length + change.added.length + change.removed.length).toBe(7);
    const outcome = await h.sync();
    expect(outcome.status).toBe("succeeded");
    const stream = h.options.mutableStream;
    const counts = outcome.counts[stream]!;
    expect({ created: counts.created, deleted: counts.deleted }).toEqual({ created: 2, deleted: 2 });
    expect(counts.updated).toBeGreaterThanOrEqual(3);
    const truth = await h.sim.truth();
    expect(await h.liveIds(stream)).toEqual(sorted(truth[stream] ?? []));
    const state = await h.state(stream);
    for (const id of change.removed) expect(state.get(id)?.deleted, `removed ${id} is marked deleted, not dropped`).toBe(true);
    for (const id of change.added) expect(state.get(id)?.deleted, `added ${id} is present`).toBe(false);
    const { rows } = await sql<{ remote_id: string; change: string }>`
      select remote_id, change from change_log
      where run_id = ${outcome.runId} and entity = ${h.connector.streams[stream]!.model}`.execute(h.testDb.db);
    const logged = (kind: string) => rows.filter((r) => r.change === kind).map((r) => r.remote_id);
    expect(logged("updated")).toEqual(expect.arrayContaining(change.updated));
    expect(sorted(logged("deleted"))).toEqual(sorted(change.removed));
    expect(sorted(logged("created")), "records new at the provider are logged as created").toEqual(sorted(change.added));
  },
});
