import { enableConnection, requestSyncNow } from "@roster/connection-policy";
import type { CaughtEmail } from "@roster/email";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionRow, createConnection, createOrganisation, expectNear, inHours, makeDue } from "./helpers/fixtures";
import { type Harness, startHarness, testConfig } from "./helpers/harness";
import { SCRIPTED_ERROR } from "./helpers/scripted-sync";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const RECIPIENTS = ["alerts@acme.test", "owner1@acme.test", "owner2@acme.test"];
const sorted = (list: string[]) => [...list].sort();
const bySubject = (prefix: string) => (m: CaughtEmail) => m.subject.startsWith(prefix);

async function runIdsOf(connectionId: string): Promise<string[]> {
  const runs = await h.db
    .selectFrom("sync_runs")
    .select("id")
    .where("connection_id", "=", connectionId)
    .orderBy("started_at")
    .execute();
  return runs.map((r) => r.id);
}

describe("a failure episode", () => {
  it("emails once, retries hourly, disables after the third failure, and re-enabling syncs at once", async () => {
    // Tried: a connection whose syncs fail three times in a row (the organisation has two
    // owners and an admin; the connection has a notification address), then an owner
    // re-enables it and the sync succeeds.
    const organisationId = await createOrganisation(h.db, {
      owners: ["owner1@acme.test", "owner2@acme.test"],
      admins: ["admin@acme.test"],
    });
    const id = await createConnection(h.db, organisationId, { display_name: "Acme Zenefits" });
    h.sync.script(id, "failed", "failed", "failed");

    // 1st failure. Must hold: status failing, counter 1, retry in 1 h, and ONE email to the
    // notification address and both owners (not the admin) linking to the run's errors.
    await requestSyncNow(h.db, id, "initial");
    await h.runJobs();
    let row = await connectionRow(h.db, id);
    expect(row).toMatchObject({ status: "failing", consecutive_failures: 1, failure_notified: true });
    expectNear(row.next_sync_at, inHours(1));
    const [firstRun] = await runIdsOf(id);
    const failed = await h.catcher.waitFor(bySubject("Sync failed"));
    expect(failed.subject).toBe("Sync failed: Acme Zenefits");
    expect(sorted(failed.to)).toEqual(RECIPIENTS);
    const link = `${testConfig.PUBLIC_URL}/connections/${id}/runs/${firstRun}`;
    expect(failed.text).toContain(`View errors: ${link}`);
    expect(failed.text).toContain(SCRIPTED_ERROR.message);
    expect(failed.html).toContain(`href="${link}"`);

    // 2nd failure, an hour later (driven by moving next_sync_at). Must hold: a "retry", counter 2,
    // the next retry an hour later, and no second email.
    await makeDue(h.db, id);
    await h.runScheduler();
    expect(h.sync.calls.filter((c) => c.connectionId === id).map((c) => c.trigger)).toEqual(["initial", "retry"]);
    row = await connectionRow(h.db, id);
    expect(row).toMatchObject({ status: "failing", consecutive_failures: 2 });
    expectNear(row.next_sync_at, inHours(1));
    expect(h.catcher.messages()).toHaveLength(1);

    // 3rd failure. Must hold: disabled (reason given, no next sync) and a "disabled" email to the same people.
    await makeDue(h.db, id);
    await h.runScheduler();
    row = await connectionRow(h.db, id);
    expect(row).toMatchObject({ status: "disabled", consecutive_failures: 3, next_sync_at: null });
    expect(row.disabled_reason).toMatch(/after 3 failed syncs in a row/);
    const disabled = await h.catcher.waitFor(bySubject("Connection disabled"));
    expect(sorted(disabled.to)).toEqual(RECIPIENTS);
    expect(disabled.text).toContain(`${testConfig.PUBLIC_URL}/connections/${id}/runs/`);
    expect(h.catcher.messages()).toHaveLength(2);

    // Disabled: the scheduler never syncs it, however long we wait.
    await h.db
      .updateTable("connections")
      .set({ next_sync_at: inHours(-48) })
      .where("id", "=", id)
      .execute();
    await h.runScheduler();
    expect(h.sync.calls.filter((c) => c.connectionId === id)).toHaveLength(3);

    // An owner re-enables. Must hold: counter reset and status active at once, a sync runs at
    // once (trigger manual), it succeeds, and the "restored" email closes the episode.
    expect(await enableConnection(h.db, id)).toBe(true);
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "active", consecutive_failures: 0, disabled_reason: null });
    await h.runJobs();
    expect(h.sync.calls.filter((c) => c.connectionId === id).map((c) => c.trigger)).toEqual([
      "initial",
      "retry",
      "retry",
      "manual",
    ]);
    row = await connectionRow(h.db, id);
    expect(row).toMatchObject({ status: "active", consecutive_failures: 0, failure_notified: false });
    expectNear(row.next_sync_at, inHours(24));
    const restored = await h.catcher.waitFor(bySubject("Connection restored"));
    expect(sorted(restored.to)).toEqual(RECIPIENTS);
    expect(h.catcher.messages()).toHaveLength(3);
    const outbox = await h.db
      .selectFrom("email_outbox")
      .select(["kind", "status"])
      .where("connection_id", "=", id)
      .orderBy("created_at")
      .execute();
    expect(outbox).toEqual([
      { kind: "sync_failed", status: "sent" },
      { kind: "connection_disabled", status: "sent" },
      { kind: "connection_restored", status: "sent" },
    ]);
  });

  it("a failure after re-enabling starts a new episode with its own email", async () => {
    // Tried: disabled connection (after a notified episode) is re-enabled and fails again.
    // Must hold: counter 1 and a fresh "Sync failed" email (the counter restarted from 0).
    const organisationId = await createOrganisation(h.db, { owners: ["solo@acme.test"] });
    const id = await createConnection(h.db, organisationId, {
      status: "disabled",
      consecutive_failures: 3,
      failure_notified: true,
      next_sync_at: null,
      notification_email: null,
    });
    h.sync.script(id, "failed");
    const before = h.catcher.messages().length;
    await enableConnection(h.db, id);
    await h.runJobs();
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "failing", consecutive_failures: 1, failure_notified: true });
    const email = await h.catcher.waitFor((m) => m.subject.startsWith("Sync failed") && m.to.includes("solo@acme.test"));
    expect(email.to).toEqual(["solo@acme.test"]);
    expect(h.catcher.messages()).toHaveLength(before + 1);
  });

  it("enableConnection reports an unknown connection", async () => {
    expect(await enableConnection(h.db, "00000000-0000-0000-0000-000000000000")).toBe(false);
  });
});
