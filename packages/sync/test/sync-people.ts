import type { ChangesPage, Employee, Mapped } from "@roster/core";
import type { Db } from "@roster/db";
import type { RunCounts } from "../src/counts";
import { type StreamSyncOptions, syncStream } from "../src/sync-stream";
import type { UpsertScope } from "../src/upsert";

/** One "people" stream of a run read from `pages`, deletions found by absence, into `counts`. */
export async function syncPeople(input: {
  db: Db;
  scope: UpsertScope;
  pages: AsyncIterable<ChangesPage<unknown>>;
  map: (raw: unknown) => Mapped<Employee>;
  counts: RunCounts;
  options: Omit<StreamSyncOptions, "signal">;
}): Promise<void> {
  await syncStream({
    db: input.db,
    name: "people",
    stream: { model: "employees", map: input.map },
    read: { pages: input.pages, deletions: "by-absence" },
    cursor: null,
    scope: input.scope,
    counts: input.counts,
    storedErrors: { count: 0 },
    options: { ...input.options, signal: new AbortController().signal },
  });
}
