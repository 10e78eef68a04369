import { requestSyncNow } from "@roster/connection-policy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionRow, createConnection, createOrganisation, expectNear, inHours, makeDue } from "./helpers/fixtures";
import { type Harness, startHarness, testConfig } from "./helpers/harness";

let h: Harness;
let organisationId: string;
beforeAll(async () => {
  h = await startHarness();
  organisationId = await createOrganisation(h.db, { owners: ["owner@acme.test"] });
});
afterAll(async () => {
  await h?.close();
});

const subjectsTo = (address: string) =>
  h.catcher
    .messages()
    .filter((m) => m.to.includes(address))
    .map((m) => m.subject);

describe("a failure followed by a success", () => {
  it("resets the counter and sends the restored email exactly once", async () => {
    // Tried: fail, then succeed at the hourly retry, then succeed again a day later.
    // Must hold: after the first success the counter is 0, status active, next sync in 24 h,
    // and exactly one "restored" email went out; the later success sends nothing.
    const id = await createConnection(h.db, organisationId, { notification_email: "ops@acme.test" });
    h.sync.script(id, "failed", "succeeded", "succeeded");
    await requestSyncNow(h.db, id, "initial");
    await h.runJobs();
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "failing", consecutive_failures: 1 });

    await makeDue(h.db, id);
    await h.runScheduler();
    const row = await connectionRow(h.db, id);
    expect(row).toMatchObject({ status: "active", consecutive_failures: 0, failure_notified: false, disabled_reason: null });
    expectNear(row.next_sync_at, inHours(24));
    const restored = await h.catcher.waitFor((m) => m.subject === "Connection restored: Acme Zenefits");
    expect(restored.to.sort()).toEqual(["ops@acme.test", "owner@acme.test"]);
    expect(restored.text).toContain(`${testConfig.PUBLIC_URL}/connections/${id}`);

    await makeDue(h.db, id);
    await h.runScheduler();
    expect(subjectsTo("ops@acme.test")).toEqual(["Sync failed: Acme Zenefits", "Connection restored: Acme Zenefits"]);
  });

  it("a success with no earlier failure email sends nothing", async () => {
    const id = await createConnection(h.db, organisationId, { notification_email: "quiet@acme.test" });
    await requestSyncNow(h.db, id, "initial");
    await h.runJobs();
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "active" });
    expect(subjectsTo("quiet@acme.test")).toEqual([]);
  });

  it("a sync that throws counts as a failure of kind crash, recorded on its run", async () => {
    // Tried: the sync function throws after creating its run. Must hold: the run is marked
    // failed with kind "crash" and the thrown message, the counter goes up, and the failure
    // email names the crash in words (not its code) and links to that run.
    const id = await createConnection(h.db, organisationId, { notification_email: "crash@acme.test" });
    h.sync.script(id, "crash");
    await requestSyncNow(h.db, id, "initial");
    await h.runJobs();
    expect(await connectionRow(h.db, id)).toMatchObject({ status: "failing", consecutive_failures: 1 });
    const run = await h.db.selectFrom("sync_runs").selectAll().where("connection_id", "=", id).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: "failed", error_kind: "crash" });
    expect(run.error_message).toContain("scripted crash");
    expect(run.finished_at).not.toBeNull();
    const email = await h.catcher.waitFor((m) => m.to.includes("crash@acme.test"));
    expect(email.text).toContain("Problem: Sync stopped unexpectedly");
    expect(email.text).toContain(`${testConfig.PUBLIC_URL}/connections/${id}/runs/${run.id}`);
  });
});
