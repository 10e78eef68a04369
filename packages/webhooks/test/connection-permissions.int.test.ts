import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { recordConnectionPermissions } from "../src/index";

// connection.permissions_changed: written with the new grant, only when it differs from the stored one.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

it("a first grant is no change; a narrower one emits what was removed, a wider one what was added; the same one nothing", async () => {
  const org = await database.db.insertInto("organisations").values({ name: "Org" }).returning("id").executeTakeFirstOrThrow();
  const { id } = await database.db
    .insertInto("connections")
    .values({ organisation_id: org.id, connector_id: "zenefits", display_name: "Z", credentials_encrypted: "unused" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const record = (granted: string[], missing: string[]) => recordConnectionPermissions(database.db, id, { granted, missing });
  expect(await record(["people", "departments"], [])).toEqual({ changed: false });
  expect(await record(["people"], ["departments"])).toEqual({ changed: true });
  expect(await record(["people"], ["departments"])).toEqual({ changed: false });
  expect(await record(["people", "locations"], ["departments"])).toEqual({ changed: true });
  const stored = await database.db.selectFrom("connections").select("permissions").where("id", "=", id).executeTakeFirstOrThrow();
  expect(stored.permissions).toEqual({ granted: ["people", "locations"], missing: ["departments"] });
  const events = await database.db.selectFrom("event_outbox").select(["type", "data"]).orderBy("id").execute();
  expect(events).toEqual([
    {
      type: "connection.permissions_changed",
      data: { connection_id: id, granted: ["people"], missing: ["departments"], added: [], removed: ["departments"] },
    },
    {
      type: "connection.permissions_changed",
      data: { connection_id: id, granted: ["people", "locations"], missing: ["departments"], added: ["locations"], removed: [] },
    },
  ]);
});
