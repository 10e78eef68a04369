import { loadConfig } from "@roster/config";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/index";
import { callerFor } from "./helpers/callers";
import { expectTrpcError } from "./helpers/expect-error";
import { addMember, createOrgFixture, insertSession, type OrgFixture } from "./helpers/fixtures";

let database: TestDatabase;
let deps: ApiDeps;
let fx: OrgFixture;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: loadConfig({ NODE_ENV: "test" }), log: createLogger("test", { level: "silent" }) };
});
afterAll(() => database?.drop());
beforeEach(async () => {
  fx = await createOrgFixture(deps.db);
});

async function as(who: keyof OrgFixture["users"], organisationId = fx.organisationId) {
  return (await callerFor(deps, await insertSession(deps.db, fx.users[who].id, organisationId))).caller;
}

const auditActions = (organisationId: string) =>
  deps.db
    .selectFrom("audit_log")
    .select(["action", "actor_user_id", "target_id", "details"])
    .where("organisation_id", "=", organisationId)
    .orderBy("id")
    .execute();

describe("members", () => {
  it("lists everyone in the organisation, owners first, and nobody from elsewhere", async () => {
    const list = await (await as("member")).members.list();
    expect(list.map((m) => m.role)).toEqual(["owner", "admin", "member", "member"]);
    expect(list.map((m) => m.email)).not.toContain(fx.users.otherOwner.email);
    expect(list.find((m) => m.userId === fx.users.sensitiveMember.id)?.sensitive).toBe(true);
  });

  it("lets the owner change a role, audited, and the new role applies on the next call", async () => {
    const owner = await as("owner");
    const member = await as("member");
    await expectTrpcError(member.members.changeRole({ userId: fx.users.admin.id, role: "member" }), "FORBIDDEN", /owners/);

    await owner.members.changeRole({ userId: fx.users.member.id, role: "owner" });
    // Same session, re-checked on the server: the former member can act as an owner now.
    await member.members.changeRole({ userId: fx.users.admin.id, role: "member" });

    const rows = await auditActions(fx.organisationId);
    expect(rows).toEqual([
      {
        action: "member.role_changed",
        actor_user_id: fx.users.owner.id,
        target_id: fx.users.member.id,
        details: { email: fx.users.member.email, from: "member", to: "owner" },
      },
      {
        action: "member.role_changed",
        actor_user_id: fx.users.member.id,
        target_id: fx.users.admin.id,
        details: { email: fx.users.admin.email, from: "admin", to: "member" },
      },
    ]);
  });

  it("never demotes or removes the last owner", async () => {
    const owner = await as("owner");
    await expectTrpcError(owner.members.changeRole({ userId: fx.users.owner.id, role: "admin" }), "CONFLICT", /last owner/);
    await expectTrpcError(owner.members.remove({ userId: fx.users.owner.id }), "CONFLICT", /last owner/);

    // With a second owner, the first may step down.
    await owner.members.changeRole({ userId: fx.users.admin.id, role: "owner" });
    await owner.members.changeRole({ userId: fx.users.owner.id, role: "member" });
    const roles = await deps.db.selectFrom("memberships").select(["user_id", "role"]).where("role", "=", "owner").execute();
    expect(roles.filter((r) => r.user_id === fx.users.admin.id)).toHaveLength(1);
  });

  it("keeps one owner when two owners demote each other at the same time", async () => {
    await addMember(deps.db, fx.otherOrganisationId, fx.users.owner.id, "owner");
    const a = await as("owner", fx.otherOrganisationId);
    const b = await as("otherOwner", fx.otherOrganisationId);
    const results = await Promise.allSettled([
      a.members.changeRole({ userId: fx.users.otherOwner.id, role: "member" }),
      b.members.changeRole({ userId: fx.users.owner.id, role: "member" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await deps.db
      .selectFrom("memberships")
      .select("user_id")
      .where("organisation_id", "=", fx.otherOrganisationId)
      .where("role", "=", "owner")
      .execute();
    expect(owners).toHaveLength(1);
  });

  it("grants and revokes the sensitive flag, audited", async () => {
    const owner = await as("owner");
    await owner.members.setSensitive({ userId: fx.users.member.id, sensitive: true });
    await owner.members.setSensitive({ userId: fx.users.member.id, sensitive: true }); // no change, no row
    await owner.members.setSensitive({ userId: fx.users.member.id, sensitive: false });
    expect((await auditActions(fx.organisationId)).map((r) => r.action)).toEqual([
      "member.sensitive_granted",
      "member.sensitive_revoked",
    ]);
  });

  it("removes a member, whose session is refused from then on", async () => {
    const member = await as("member");
    await (await as("owner")).members.remove({ userId: fx.users.member.id });
    await expectTrpcError(member.members.list(), "FORBIDDEN", /not in one|not a member/);
    expect((await auditActions(fx.organisationId)).map((r) => r.action)).toEqual(["member.removed"]);
    // `me` still works: the user exists, just without this organisation.
    const me = await member.auth.me();
    expect(me.memberships).toEqual([]);
    expect(me.active).toBeNull();
  });

  it("cannot reach into another organisation by id", async () => {
    const otherOwner = await as("otherOwner", fx.otherOrganisationId);
    await expectTrpcError(otherOwner.members.changeRole({ userId: fx.users.member.id, role: "owner" }), "NOT_FOUND");
    await expectTrpcError(otherOwner.members.remove({ userId: fx.users.admin.id }), "NOT_FOUND");
    await expectTrpcError(otherOwner.members.setSensitive({ userId: fx.users.member.id, sensitive: true }), "NOT_FOUND");
    const roles = await deps.db
      .selectFrom("memberships")
      .select("role")
      .where("organisation_id", "=", fx.organisationId)
      .orderBy("role")
      .execute();
    expect(roles.map((r) => r.role)).toEqual(["admin", "member", "member", "owner"]);
    expect(await auditActions(fx.organisationId)).toEqual([]);
  });
});

describe("organisations", () => {
  it("lets the owner rename, audited with the old and new name", async () => {
    await (await as("owner")).organisations.rename({ name: "  Acme Two " });
    const org = await deps.db.selectFrom("organisations").select("name").where("id", "=", fx.organisationId).executeTakeFirst();
    expect(org?.name).toBe("Acme Two");
    expect((await auditActions(fx.organisationId))[0]).toMatchObject({
      action: "organisation.renamed",
      details: { from: "Acme", to: "Acme Two" },
    });
  });

  it("switches only to an organisation the user belongs to", async () => {
    await addMember(deps.db, fx.otherOrganisationId, fx.users.admin.id, "member");
    const token = await insertSession(deps.db, fx.users.admin.id, fx.organisationId);
    // A caller is one request: each step gets a fresh one, as each browser request would.
    const request = async () => (await callerFor(deps, token)).caller;
    await (await request()).organisations.switch({ organisationId: fx.otherOrganisationId });
    expect((await (await request()).auth.me()).active).toMatchObject({ organisationId: fx.otherOrganisationId, role: "member" });
    await expectTrpcError((await request()).members.changeRole({ userId: fx.users.member.id, role: "admin" }), "FORBIDDEN");

    const member = await as("member");
    await expectTrpcError(member.organisations.switch({ organisationId: fx.otherOrganisationId }), "FORBIDDEN", /not a member/);
  });
});
