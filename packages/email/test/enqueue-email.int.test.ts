import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail, jobQueueInstalled, uniqueRecipients } from "../src/index";

let testDb: TestDatabase;
let organisationId: string;
beforeAll(async () => {
  testDb = await createTestDatabase();
  const org = await testDb.db.insertInto("organisations").values({ name: "Acme" }).returning("id").executeTakeFirstOrThrow();
  organisationId = org.id;
});
afterAll(async () => {
  await testDb.drop();
});

const email = (dedupeKey: string | null) => ({
  organisationId,
  kind: "invite" as const,
  to: ["Ada@acme.test", "ada@acme.test ", "grace@acme.test"],
  subject: "You're invited",
  text: "text",
  html: "<p>html</p>",
  dedupeKey,
});

describe("enqueueEmail", () => {
  it("writes a pending outbox row in the caller's transaction, even before the worker installed its queue", async () => {
    // Tried: enqueue on a database where graphile-worker has never migrated. Must hold: the
    // row is written (pending, recipients de-duplicated), no job is added, nothing throws.
    expect(await jobQueueInstalled(testDb.db)).toBe(false);
    const result = await testDb.db.transaction().execute((trx) => enqueueEmail(trx, email("invite:1")));
    expect(result).toMatchObject({ jobAdded: false });
    const row = await testDb.db.selectFrom("email_outbox").selectAll().where("id", "=", result!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 0, kind: "invite", to: ["Ada@acme.test", "grace@acme.test"] });
  });

  it("drops a second email with the same dedupe key", async () => {
    // Tried: the same dedupe key twice. Must hold: the second call returns null and one row exists.
    expect(await enqueueEmail(testDb.db, email("invite:2"))).not.toBeNull();
    expect(await enqueueEmail(testDb.db, email("invite:2"))).toBeNull();
    const { count } = await testDb.db
      .selectFrom("email_outbox")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("dedupe_key", "=", "invite:2")
      .executeTakeFirstOrThrow();
    expect(count).toBe(1);
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      testDb.db.transaction().execute(async (trx) => {
        await enqueueEmail(trx, email("invite:3"));
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    expect(await testDb.db.selectFrom("email_outbox").select("id").where("dedupe_key", "=", "invite:3").execute()).toEqual([]);
  });

  it("refuses an email without recipients", async () => {
    expect(uniqueRecipients([" ", ""])).toEqual([]);
    await expect(enqueueEmail(testDb.db, { ...email(null), to: [" "] })).rejects.toThrow(/no recipients/);
  });
});
