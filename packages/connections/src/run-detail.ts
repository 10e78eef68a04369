import { errorKindLabel, type ModelName, modelLabels } from "@roster/core";
import { sql } from "@roster/db";
import { changedFieldLabels } from "@roster/sync";
import type { ConnectionDeps } from "./deps";
import { findConnector } from "./verify-credentials";
import { getRun } from "./views";

const EXAMPLES_PER_KIND = 3;
const PEOPLE_LISTED = 200;

/**
 * The run page, for every run (successful ones too): counts per collection in people's words,
 * the duration, errors grouped by kind with a few examples each, and the people this run
 * created, changed, deleted or restored with the fields that changed (from change_log).
 */
export async function getRunDetail(deps: ConnectionDeps, organisationId: string, runId: string) {
  const run = await getRun(deps.db, organisationId, runId);
  const connection = await deps.db
    .selectFrom("connections")
    .select("connector_id")
    .where("id", "=", run.connectionId)
    .executeTakeFirstOrThrow();
  const connector = findConnector(deps, connection.connector_id);
  const skippedStreams = new Set(run.errors.filter((e) => e.kind === "skipped" && e.stream).map((e) => e.stream));
  const collections = Object.keys(connector.streams).map((stream) => {
    const model = connector.streams[stream]!.model as ModelName;
    const counts = run.counts[stream];
    return {
      stream,
      label: modelLabels[model]?.many ?? stream,
      read: counts?.read ?? 0,
      created: counts?.created ?? 0,
      updated: counts?.updated ?? 0,
      unchanged: counts?.unchanged ?? 0,
      deleted: counts?.deleted ?? 0,
      /** Records read but not stored (they failed to map or were refused). */
      skipped: counts?.failed ?? 0,
      done: counts?.done ?? false,
      /** The whole collection was skipped (its permission is missing): nothing of it was read. */
      skippedWhole: skippedStreams.has(stream),
    };
  });

  const [groups, examples, people, peopleTotal] = await Promise.all([
    deps.db
      .selectFrom("sync_errors")
      .select((eb) => ["kind", eb.fn.countAll<string>().as("n"), eb.fn.max("hint").as("hint")])
      .where("run_id", "=", run.id)
      .groupBy("kind")
      .orderBy("kind")
      .execute(),
    sql<{ id: string; kind: string; stream: string | null; remote_id: string | null; message: string }>`
      select id, kind, stream, remote_id, message from (
        select e.*, row_number() over (partition by kind order by id) as nth from sync_errors e where run_id = ${run.id}
      ) e where nth <= ${EXAMPLES_PER_KIND} order by kind, id`.execute(deps.db),
    deps.db
      .selectFrom("change_log as c")
      .leftJoin("employees as p", (join) =>
        join.onRef("p.connection_id", "=", "c.connection_id").onRef("p.remote_id", "=", "c.remote_id"),
      )
      .select(["c.id", "c.change", "c.fields", "c.remote_id", "p.id as person_id", "p.display_name"])
      .where("c.run_id", "=", run.id)
      .where("c.entity", "=", "employees")
      .orderBy("c.id")
      .limit(PEOPLE_LISTED)
      .execute(),
    deps.db
      .selectFrom("change_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("run_id", "=", run.id)
      .where("entity", "=", "employees")
      .executeTakeFirstOrThrow(),
  ]);

  const durationMs = run.finishedAt ? new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime() : null;
  const streamLabel = new Map(collections.map((c) => [c.stream, c.label]));
  return {
    ...run,
    connectorId: connector.manifest.id,
    durationMs,
    collections,
    errorGroups: groups.map((g) => ({
      kind: g.kind,
      label: errorKindLabel(g.kind),
      count: Number(g.n),
      hint: g.hint,
      examples: examples.rows
        .filter((e) => e.kind === g.kind)
        .map((e) => ({
          id: e.id,
          stream: e.stream === null ? null : (streamLabel.get(e.stream) ?? e.stream),
          remoteId: e.remote_id,
          message: e.message,
        })),
    })),
    peopleChanged: {
      total: Number(peopleTotal.n),
      people: people.map((p) => ({
        id: p.id,
        personId: p.person_id,
        name: p.display_name ?? p.remote_id,
        change: p.change,
        fields: changedFieldLabels("employees", p.fields ?? []),
      })),
    },
  };
}

export type RunDetail = Awaited<ReturnType<typeof getRunDetail>>;
