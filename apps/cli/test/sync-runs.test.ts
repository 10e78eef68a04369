import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finished, runCli, startCli, waitForOutput } from "./helpers/cli";
import { createSyncFixture, type SyncFixture } from "./helpers/database";

let sim: ZenefitsSim;
let fx: SyncFixture;
beforeAll(async () => {
  sim = await startZenefitsSim({ people: 60, seed: 3 });
  fx = await createSyncFixture();
});
afterAll(async () => {
  await sim?.close();
  await fx?.testDb.drop();
});

interface SyncJson {
  ok: boolean;
  runId: string;
  status: string;
  resumed: boolean;
  error?: { kind: string; message: string };
  counts: Record<string, { read: number; created: number; updated: number; unchanged: number; failed: number }>;
  errors: { stream: string | null; kind: string; message: string }[];
}

describe.concurrent("roster sync and runs", () => {
  it("syncs a connection: exit 0, the summary matches the provider, a re-sync changes nothing, runs lists both", async () => {
    // Tried: `sync <id>`, then `sync <id> --json`, then `runs <id>` and `runs <id> --json --limit 1`.
    // Must hold: exit 0; the people row reads exactly the simulator's people; the second run is all unchanged;
    // the history shows two succeeded cli runs with per-stream counts; the token is never printed.
    const token = sim.createToken();
    const id = await fx.addConnection({ accessToken: token, baseUrl: sim.url });
    const people = sim.counts().people;

    const first = await runCli(["sync", id], { env: fx.env });
    expect(first.code, first.all).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^people\\s+${people}\\s+${people}\\s+0\\s+0\\s+0\\s+0$`, "m"));
    expect(first.stdout).toContain("✓ Sync succeeded");
    expect(first.stderr).toMatch(/^people\s+\S+\s+done/m);

    const second = await runCli(["sync", id, "--json"], { env: fx.env });
    expect(second.code, second.all).toBe(0);
    const outcome = JSON.parse(second.stdout) as SyncJson;
    expect(outcome).toMatchObject({ ok: true, status: "succeeded", resumed: false });
    expect(outcome.counts.people).toMatchObject({ read: people, created: 0, updated: 0, unchanged: people, failed: 0 });

    const history = await runCli(["runs", id], { env: fx.env });
    expect(history.code, history.all).toBe(0);
    expect(history.stdout.match(/\bcli\s+succeeded\b/g)).toHaveLength(2);
    expect(history.stdout).toMatch(new RegExp(`^\\s+people\\s+${people}\\s+0\\s+0\\s+${people}\\s+0\\s+0$`, "m"));

    const latest = await runCli(["runs", id, "--json", "--limit", "1"], { env: fx.env });
    const runs = (JSON.parse(latest.stdout) as { runs: { id: string; trigger: string; status: string }[] }).runs;
    expect(runs).toEqual([expect.objectContaining({ id: outcome.runId, trigger: "cli", status: "succeeded" })]);
    for (const result of [first, second, history, latest]) expect(result.all).not.toContain(token);
  });

  it("reports a failed sync: exit 1 with the error kind and message, and runs shows the failure and its errors", async () => {
    // Tried: a connection whose token was revoked at the provider. Must hold: `sync` exits 1 naming
    // invalid_credentials; --json says ok false with the kind; `runs` shows the failed run with its error.
    const token = sim.createToken();
    const id = await fx.addConnection({ accessToken: token, baseUrl: sim.url }, "Revoked");
    sim.revokeToken(token);

    const json = await runCli(["sync", id, "--json"], { env: fx.env });
    expect(json.code).toBe(1);
    const outcome = JSON.parse(json.stdout) as SyncJson;
    expect(outcome).toMatchObject({ ok: false, status: "failed", error: { kind: "invalid_credentials" } });
    expect(outcome.errors).toContainEqual(expect.objectContaining({ stream: null, kind: "invalid_credentials" }));
    const message = outcome.error?.message ?? "missing message";

    const failed = await runCli(["sync", id], { env: fx.env });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/✗ Sync failed after .*: invalid_credentials/);
    expect(failed.stdout).toContain(`  ${message}`);
    expect(failed.stdout).toMatch(/^ {2}hint: \S/m);

    const history = await runCli(["runs", id], { env: fx.env });
    expect(history.code).toBe(0);
    expect(history.stdout.match(/\bcli\s+failed\b/g)).toHaveLength(2);
    expect(history.stdout).toContain(`✗ run invalid_credentials  ${message}`);
    expect(history.stdout).toMatch(/hint: \S/);
    for (const result of [failed, json, history]) expect(result.all).not.toContain(token);
  });

  it("stops cleanly on Ctrl-C, leaves the run resumable, and the next sync continues it", async () => {
    // Tried: SIGINT once the first stream is done (its line printed), against a slow simulator; then sync again.
    // Must hold: exit 130 and a message saying the run is resumable; the run is still "running" in
    // sync_runs; the next `sync --json` reports resumed: true, succeeds, and reads every person.
    const slow = await startZenefitsSim({ people: 250, seed: 5 });
    try {
      const id = await fx.addConnection({ accessToken: slow.createToken(), baseUrl: slow.url }, "Slow");
      slow.setFaults({ latencyMs: 300 });
      const child = startCli(["sync", id], { env: fx.env });
      const result = finished(child);
      await waitForOutput(child, "stderr", /^\S+\s+\S+\s+done\s/m);
      child.kill("SIGINT");
      const interrupted = await result;
      expect(interrupted.code, interrupted.all).toBe(130);
      expect(interrupted.stderr).toContain("resumable");
      const running = await fx.testDb.db.selectFrom("sync_runs").select("status").where("connection_id", "=", id).execute();
      expect(running).toEqual([{ status: "running" }]);

      slow.clearFaults();
      const resumed = await runCli(["sync", id, "--json"], { env: fx.env });
      expect(resumed.code, resumed.all).toBe(0);
      const outcome = JSON.parse(resumed.stdout) as SyncJson;
      expect(outcome).toMatchObject({ ok: true, resumed: true, status: "succeeded" });
      expect(outcome.counts.people?.read).toBe(slow.counts().people);
    } finally {
      await slow.close();
    }
  });

  it("answers bad ids with 2, unknown connections with 3, and a missing database with 2 and a plain reason", async () => {
    // Tried: a non-UUID id; a well-formed id that does not exist; no DATABASE_URL and no sandbox runtime file.
    // Must hold: exit 2, 3 and 2; the last says there is no database and how to get one.
    expect((await runCli(["sync", "not-an-id"], { env: fx.env })).code).toBe(2);
    const missing = await runCli(["runs", "00000000-0000-4000-8000-000000000000"], { env: fx.env });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("No connection");
    const noDataDir = mkdtempSync(path.join(os.tmpdir(), "roster-cli-nodb-"));
    const noDb = await runCli(["runs", "00000000-0000-4000-8000-000000000000"], {
      env: { DATABASE_URL: undefined, ROSTER_DATA_DIR: noDataDir },
    });
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain("No database to use: DATABASE_URL is not set and no running sandbox was found");
    expect(noDb.stderr).toContain("pnpm start");
  });
});
