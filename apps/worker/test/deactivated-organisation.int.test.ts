import { afterAll, beforeAll, expect, it } from "vitest";
import { connectionRow, createConnection, createOrganisation, inHours } from "./helpers/fixtures";
import { type Harness, startHarness } from "./helpers/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const syncsOf = (id: string) => h.sync.calls.filter((c) => c.connectionId === id);

it("a deactivated organisation's connections are not scheduled, stale jobs for them do nothing, and its data stays", async () => {
  // Tried: two organisations with a due connection each; one deactivated. The scheduler runs, then a
  // sync job is queued for the deactivated one directly. Must hold: only the active organisation's
  // connection syncs; the deactivated one's row is still there, unchanged in status, and syncs once
  // the organisation is active again.
  const active = await createOrganisation(h.db, { owners: ["owner@active.test"] });
  const inactive = await createOrganisation(h.db, { owners: ["owner@inactive.test"] });
  const activeConnection = await createConnection(h.db, active, { next_sync_at: inHours(-1) });
  const inactiveConnection = await createConnection(h.db, inactive, { next_sync_at: inHours(-1) });
  await h.db.updateTable("organisations").set({ deactivated_at: new Date() }).where("id", "=", inactive).execute();

  await h.runScheduler();
  await h.queue("sync_connection", { connectionId: inactiveConnection, trigger: "manual" });
  await h.runJobs();
  expect(syncsOf(activeConnection)).toHaveLength(1);
  expect(syncsOf(inactiveConnection)).toEqual([]);
  const kept = await connectionRow(h.db, inactiveConnection);
  expect(kept.status).not.toBe("disabled");

  await h.db.updateTable("organisations").set({ deactivated_at: null }).where("id", "=", inactive).execute();
  await h.runScheduler();
  expect(syncsOf(inactiveConnection)).toHaveLength(1);
});
