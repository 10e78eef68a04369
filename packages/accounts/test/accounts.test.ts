import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_VIA, createOrganisationWithOwner, findOrCreateUser, hashPassword, verifyPassword } from "../src/index";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe("accounts", () => {
  it("finds or creates a user: a second call with another password finds the first account, untouched", async () => {
    // Tried: findOrCreateUser twice for one email, with different names and hashes. Must hold: the first
    // creates (created true), the second returns the same id with created false, and the stored name and
    // password are still the first ones.
    const first = await findOrCreateUser(testDb.db, {
      email: "ada@example.com",
      name: "Ada",
      passwordHash: await hashPassword("first-password"),
    });
    const second = await findOrCreateUser(testDb.db, {
      email: "ada@example.com",
      name: "Someone else",
      passwordHash: await hashPassword("second-password"),
    });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const row = await testDb.db.selectFrom("users").selectAll().where("id", "=", first.id).executeTakeFirstOrThrow();
    expect(row.name).toBe("Ada");
    expect(await verifyPassword("first-password", row.password_hash)).toBe(true);
    expect(await verifyPassword("second-password", row.password_hash)).toBe(false);
  });

  it("creates an organisation with its owner, audited as the owner by default and as the CLI when asked", async () => {
    // Tried: one organisation created at sign-up (default attribution), one by the roster command.
    // Must hold: both have the user as their only owner; the first audit row names the user as actor;
    // the second has no actor user and says via "cli" beside the name.
    const { id: userId } = await findOrCreateUser(testDb.db, {
      email: "owner@example.com",
      name: "Owner",
      passwordHash: await hashPassword("owner-password"),
    });
    const signedUp = await createOrganisationWithOwner(testDb.db, "Signed Up Co", userId);
    const scripted = await createOrganisationWithOwner(testDb.db, "Scripted Co", userId, {
      actorUserId: null,
      via: CLI_VIA,
      details: { owner: "owner@example.com" },
    });

    for (const organisationId of [signedUp, scripted]) {
      const members = await testDb.db
        .selectFrom("memberships")
        .select(["user_id", "role"])
        .where("organisation_id", "=", organisationId)
        .execute();
      expect(members).toEqual([{ user_id: userId, role: "owner" }]);
    }
    const audit = await testDb.db
      .selectFrom("audit_log")
      .select(["organisation_id", "actor_user_id", "action", "details"])
      .where("organisation_id", "in", [signedUp, scripted])
      .execute();
    expect(audit).toContainEqual({
      organisation_id: signedUp,
      actor_user_id: userId,
      action: "organisation.created",
      details: { name: "Signed Up Co" },
    });
    expect(audit).toContainEqual({
      organisation_id: scripted,
      actor_user_id: null,
      action: "organisation.created",
      details: { name: "Scripted Co", owner: "owner@example.com", via: "cli" },
    });
  });
});
