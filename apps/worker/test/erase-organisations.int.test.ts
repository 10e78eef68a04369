import { afterAll, beforeAll, expect, it } from "vitest";
import { createConnection, createOrganisation } from "./helpers/fixtures";
import { type Harness, startHarness } from "./helpers/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function scheduleErasure(organisationId: string, eraseAfter: Date, cancelled = false) {
  await h.db
    .insertInto("organisation_erasures")
    .values({
      organisation_id: organisationId,
      organisation_name: "to erase",
      erase_after: eraseAfter,
      cancelled_at: cancelled ? new Date() : null,
    })
    .execute();
}

it("erases organisations whose grace period is over, with everything they own, and keeps the record", async () => {
  // Tried: three organisations with a connection each: erasure due, erasure not yet due, erasure due
  // but cancelled; run erase_organisations. Must hold: only the first is gone, its connection with it;
  // its erasure record remains, marked erased; the other two are untouched.
  const due = await createOrganisation(h.db, { owners: ["owner@due.test"] });
  const later = await createOrganisation(h.db, { owners: ["owner@later.test"] });
  const cancelled = await createOrganisation(h.db, { owners: ["owner@cancelled.test"] });
  const dueConnection = await createConnection(h.db, due);
  await createConnection(h.db, later);
  await createConnection(h.db, cancelled);
  await scheduleErasure(due, new Date(Date.now() - 60_000));
  await scheduleErasure(later, new Date(Date.now() + 86_400_000));
  await scheduleErasure(cancelled, new Date(Date.now() - 60_000), true);

  await h.queue("erase_organisations");
  await h.runJobs();

  const remaining = await h.db.selectFrom("organisations").select("id").where("id", "in", [due, later, cancelled]).execute();
  expect(remaining.map((o) => o.id).sort()).toEqual([later, cancelled].sort());
  expect(await h.db.selectFrom("connections").select("id").where("id", "=", dueConnection).execute()).toEqual([]);
  const records = await h.db.selectFrom("organisation_erasures").select(["organisation_id", "erased_at"]).execute();
  expect(records.find((r) => r.organisation_id === due)?.erased_at).not.toBeNull();
  expect(records.find((r) => r.organisation_id === later)?.erased_at).toBeNull();
  expect(records.find((r) => r.organisation_id === cancelled)?.erased_at).toBeNull();
});
