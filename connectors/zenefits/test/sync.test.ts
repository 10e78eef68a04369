import { SyncAbortedError } from "@roster/core";
import { createSyncConnection, createTestDatabase, type SyncConnectionFixture, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { ALL_SCOPES, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { type RunCounts, type RunSyncInput, runSync } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { zenefits } from "../src/index";

// Zenefits into the unified tables through the real sync engine: what the dashboard will show.
let testDb: TestDatabase;
let sim: ZenefitsSim;
let connection: { id: string; organisationId: string; lastSuccessAt: null };

beforeAll(async () => {
  testDb = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 120, seed: 3 });
  connection = await createSyncConnection(testDb.db, { connectorId: "zenefits", displayName: "Zenefits" });
});
afterAll(async () => {
  await sim.close();
  await testDb.drop();
});

const sync = (scopes: readonly string[]) =>
  runSync({
    db: testDb.db,
    connector: zenefits,
    credentials: { accessToken: sim.createToken({ scopes: [...scopes] }), baseUrl: sim.url },
    connection,
    trigger: "manual",
    log: createLogger("test", { level: "silent" }),
    retry: { baseDelayMs: 1, maxDelayMs: 10 },
  });

/**
 * A run on its own connection whose first attempt aborts as soon as `stopWhen` holds for a
 * progress report; `reported` keeps the last report, `resume` runs again without an abort.
 */
function abortingRun(
  source: ZenefitsSim,
  connection: SyncConnectionFixture,
  stopWhen: (counts: RunCounts) => boolean,
  options: Pick<RunSyncInput, "batchSize" | "streamConcurrency"> = {},
) {
  const controller = new AbortController();
  const state = { reported: {} as RunCounts };
  const run = (signal?: AbortSignal) =>
    runSync({
      db: testDb.db,
      connector: zenefits,
      credentials: { accessToken: source.createToken({ scopes: [...ALL_SCOPES] }), baseUrl: source.url },
      connection,
      trigger: "manual",
      log: createLogger("test", { level: "silent" }),
      ...options,
      signal,
      onProgress: (counts) => {
        state.reported = structuredClone(counts);
        if (stopWhen(counts)) controller.abort(new Error("stop"));
      },
    });
  return { first: () => run(controller.signal), resume: () => run(), state };
}

/** Every person's row version: unchanged after a sync that wrote nothing. */
async function versions() {
  const rows = await testDb.db
    .selectFrom("employees")
    .select(["remote_id", (eb) => eb.cast<string>(eb.ref("xmin" as never), "text").as("xmin")])
    .where("connection_id", "=", connection.id)
    .orderBy("remote_id")
    .execute();
  return { xmins: rows.map((r) => `${r.remote_id}:${r.xmin}`) };
}

describe("zenefits sync", () => {
  it("stores people with status normalised, managers, departments and locations resolved", async () => {
    const outcome = await sync(ALL_SCOPES);
    expect(outcome.status).toBe("succeeded");
    const truth = sim.truth();
    const people = await testDb.db.selectFrom("employees").selectAll().execute();
    expect(people).toHaveLength(truth.people.length);
    for (const person of truth.people) {
      const row = people.find((p) => p.remote_id === person.id)!;
      const managerId = person.manager.url?.split("/").pop() ?? null;
      expect(row.manager_remote_id).toBe(managerId);
      if (managerId) expect(people.find((p) => p.id === row.manager_id)?.remote_id).toBe(managerId);
      expect(row.remote_status).toBe(person.status);
      // The provider's own record is stored with the row (the engine encodes it as it reads a page).
      expect(row.remote_data).toMatchObject({ id: person.id, first_name: person.first_name, last_name: person.last_name });
    }
    const departments = await testDb.db.selectFrom("departments").select(["id", "remote_id"]).execute();
    const linked = people.filter((p) => p.department_remote_id !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const row of linked)
      expect(departments.find((d) => d.id === row.department_id)?.remote_id).toBe(row.department_remote_id);
    const values = await testDb.db.selectFrom("custom_field_values").select("remote_id").execute();
    expect(values).toHaveLength(truth.customFieldValues.length);
  });

  it("fills each person's hire, start and termination dates from their employments, and a re-sync rewrites none", async () => {
    // Tried: the full sync above (people, then employments; some people rehired, some
    // terminated, some with no employment). Must hold: hire date = the first employment's
    // start, start and termination = the most recent employment's; none without employment.
    const truth = sim.truth();
    const byPerson = new Map<string, { start: string | null; end: string | null }[]>();
    for (const e of truth.employments) {
      const person = e.person.url?.split("/").pop() ?? "";
      byPerson.set(person, [...(byPerson.get(person) ?? []), { start: e.hire_date, end: e.termination_date }]);
    }
    const people = await testDb.db
      .selectFrom("employees")
      .select(["id", "remote_id", "hire_date", "start_date", "termination_date"])
      .where("connection_id", "=", connection.id)
      .execute();
    let rehired = 0;
    for (const row of people) {
      const periods = [...(byPerson.get(row.remote_id) ?? [])].sort((a, b) => (a.start ?? "").localeCompare(b.start ?? ""));
      if (periods.length > 1) rehired++;
      expect([row.hire_date, row.start_date, row.termination_date], row.remote_id).toEqual([
        periods[0]?.start ?? null,
        periods.at(-1)?.start ?? null,
        periods.at(-1)?.end ?? null,
      ]);
    }
    expect(rehired, "the data set has rehires").toBeGreaterThan(0);
    expect(
      people.some((p) => p.termination_date !== null),
      "and terminations",
    ).toBe(true);
    // The first load read the employments before the people, so each person's dates went in
    // with the row: the date pass after the streams rewrote nobody. A person without a manager
    // has no link to resolve afterwards either, so their row was written once (updated_at is
    // still its insert's).
    const unlinked = await testDb.db
      .selectFrom("employees")
      .select(["remote_id", "hire_date"])
      .select((eb) => eb(eb.ref("updated_at"), "<>", eb.ref("created_at")).as("rewritten"))
      .where("connection_id", "=", connection.id)
      .where("manager_remote_id", "is", null)
      .execute();
    expect(unlinked.filter((p) => p.hire_date !== null).length, "people without a manager, with dates").toBeGreaterThan(0);
    expect(unlinked.filter((p) => p.rewritten).map((p) => p.remote_id)).toEqual([]);
    const { xmins } = await versions();
    const again = await sync(ALL_SCOPES);
    expect(again.status).toBe("succeeded");
    expect((await versions()).xmins, "an unchanged re-sync rewrites no person").toEqual(xmins);
  });

  it("skips collections the token may not read, syncs the rest, and says what to grant", async () => {
    // Tried: a token without the employments and companies scopes (outside the twelve
    // permissions). Must hold: the run succeeds, people are kept, the skips are recorded.
    const outcome = await sync(ALL_SCOPES.filter((s) => s !== "employments" && s !== "companies"));
    expect(outcome.status).toBe("succeeded");
    const errors = await testDb.db.selectFrom("sync_errors").selectAll().where("run_id", "=", outcome.runId).execute();
    expect(errors.map((e) => [e.stream, e.kind]).sort()).toEqual([
      ["companies", "skipped"],
      ["employments", "skipped"],
    ]);
    const employments = await testDb.db.selectFrom("employments").select("remote_deleted_at").execute();
    expect(employments.length).toBeGreaterThan(0);
    expect(employments.every((e) => e.remote_deleted_at === null)).toBe(true);
    expect(outcome.counts.people).toMatchObject({ created: 0, deleted: 0 });
  });
  it("an interrupted run (streams side by side) has stored exactly what each stream committed, and resumes exact", async () => {
    // Tried: a sync of 600 people (six pages) into a fresh connection, two streams at a time,
    // aborted once 200 people are in (which streams run beside people depends on timing).
    // Must hold: the stored counts of the interrupted run equal the last counts it reported,
    // and the resumed run ends with every record counted once.
    // (Each stream writes only its own entry of the stored counts; the race a whole-object
    // write would lose is too rare to provoke here, this checks the outcome it would spoil.)
    const fresh = await createSyncConnection(testDb.db, {
      connectorId: "zenefits",
      displayName: "Zenefits",
      organisation: "Side by side",
    });
    const bigger = await startZenefitsSim({ port: 0, people: 600, seed: 4 });
    onTestFinished(() => bigger.close());
    // A batch a page: progress (and the abort) comes after each.
    const interrupted = abortingRun(bigger, fresh, (counts) => (counts.people?.read ?? 0) >= 200, {
      batchSize: 100,
      streamConcurrency: 2,
    });
    await expect(interrupted.first()).rejects.toBeInstanceOf(SyncAbortedError);
    const reported = interrupted.state.reported;
    expect(reported.people?.done, "people was interrupted mid-way").toBe(false);
    const stored = await testDb.db
      .selectFrom("sync_runs")
      .select("counts")
      .where("connection_id", "=", fresh.id)
      .where("status", "=", "running")
      .executeTakeFirstOrThrow();
    for (const [stream, counts] of Object.entries(reported)) {
      if (counts.read > 0 || counts.done) expect(stored.counts[stream], stream).toEqual(counts);
    }

    const resumed = await interrupted.resume();
    expect(resumed).toMatchObject({ status: "succeeded", resumed: true });
    const truth = bigger.truth();
    expect(resumed.counts.people).toMatchObject({ read: truth.people.length, created: truth.people.length });
    expect(resumed.counts.customFieldValues).toMatchObject({
      read: truth.customFieldValues.length,
      created: truth.customFieldValues.length,
    });
  });

  it("ends a run as aborted when the abort comes as its last stream finishes; the resumed run only finishes it", async () => {
    // Tried: the abort asked for in the progress report of the last stream to finish, when
    // no stream is left to notice it. Must hold: the run ends aborted, not succeeded; the
    // resumed run fetches no stream again and ends with the same counts.
    const fresh = await createSyncConnection(testDb.db, {
      connectorId: "zenefits",
      displayName: "Zenefits",
      organisation: "Org late abort",
    });
    const streamNames = Object.keys(zenefits.streams);
    const lateAbort = abortingRun(sim, fresh, (counts) => streamNames.every((name) => counts[name]?.done));
    await expect(lateAbort.first()).rejects.toBeInstanceOf(SyncAbortedError);
    const reported = lateAbort.state.reported;
    const runs = await testDb.db
      .selectFrom("sync_runs")
      .select(["status", "counts"])
      .where("connection_id", "=", fresh.id)
      .execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).toBe("running");
    expect(runs[0]?.counts).toEqual(reported);

    const resumed = await lateAbort.resume();
    expect(resumed).toMatchObject({ status: "succeeded", resumed: true });
    // Every stream was already done: nothing read twice, the counts are the first run's.
    expect(resumed.counts).toEqual(reported);
    expect(resumed.counts.people?.read).toBe(sim.truth().people.length);
  });
});
