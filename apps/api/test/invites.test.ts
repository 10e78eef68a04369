import { sql } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/auth/tokens";
import { expectTrpcError } from "./helpers/expect-error";
import { startTestApi, type TestApi } from "./helpers/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ PUBLIC_URL: "https://roster.example/" });
});
afterAll(() => api?.close());

let counter = 0;
async function ownerClient() {
  const owner = api.client();
  counter++;
  await owner.trpc.auth.signUp.mutate({
    name: "Olive Owner",
    email: `owner${counter}@example.test`,
    password: "owner-password",
    organisationName: `Org ${counter} <b>`,
  });
  return owner;
}
const tokenOf = (link: string) => link.split("/invite/")[1] ?? "";

describe("invites", () => {
  it("creates an invite link, queues the email in the outbox and audits it", async () => {
    const owner = await ownerClient();
    const invite = await owner.trpc.invites.create.mutate({ email: "New.Person@Example.test", role: "admin" });
    expect(invite.link).toMatch(/^https:\/\/roster\.example\/invite\/[\w-]{43}$/);

    const stored = await api.deps.db.selectFrom("invites").selectAll().where("id", "=", invite.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ email: "new.person@example.test", role: "admin", accepted_at: null });
    expect(stored.token_hash).toBe(hashToken(tokenOf(invite.link)));

    const emails = await api.deps.db
      .selectFrom("email_outbox")
      .selectAll()
      .where("dedupe_key", "=", `invite:${invite.id}`)
      .execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: "invite", to: ["new.person@example.test"], status: "pending" });
    expect(emails[0]?.subject).toMatch(/Olive Owner invited you to Org \d+ <b> on Roster/);
    expect(emails[0]?.text_body).toContain(invite.link);
    expect(emails[0]?.html_body).toContain("&lt;b&gt;");

    const audit = await api.deps.db.selectFrom("audit_log").selectAll().where("target_id", "=", invite.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["invite.created"]);
    expect((await owner.trpc.invites.list.query()).map((i) => i.email)).toEqual(["new.person@example.test"]);
  });

  it("writes the outbox row in the same transaction: a failed invite leaves no email behind", async () => {
    const owner = await ownerClient();
    // Make the audit insert (the last step of the transaction) fail for this one email.
    await sql`create function fail_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit unavailable'; end $$`.execute(api.deps.db);
    await sql`create trigger fail_audit before insert on audit_log for each row
      when (new.details->>'email' = 'doomed@example.test') execute function fail_audit()`.execute(api.deps.db);
    try {
      await expectTrpcError(
        owner.trpc.invites.create.mutate({ email: "doomed@example.test", role: "member" }),
        "INTERNAL_SERVER_ERROR",
      );
    } finally {
      await sql`drop trigger fail_audit on audit_log`.execute(api.deps.db);
      await sql`drop function fail_audit`.execute(api.deps.db);
    }
    const emails = await api.deps.db
      .selectFrom("email_outbox")
      .select("id")
      .where(sql<boolean>`'doomed@example.test' = any("to")`)
      .execute();
    const invites = await api.deps.db.selectFrom("invites").select("id").where("email", "=", "doomed@example.test").execute();
    expect({ emails, invites }).toEqual({ emails: [], invites: [] });
  });

  it("lets a new person sign up through the invite, once", async () => {
    const owner = await ownerClient();
    const invite = await owner.trpc.invites.create.mutate({ email: "fresh@example.test", role: "member" });
    const token = tokenOf(invite.link);

    const guest = api.client();
    const preview = await guest.trpc.invites.preview.query({ token });
    expect(preview).toMatchObject({ email: "fresh@example.test", role: "member", status: "pending", accountExists: false });

    await guest.trpc.invites.acceptWithSignUp.mutate({ token, name: "Fresh Face", password: "fresh-password" });
    const me = await guest.trpc.auth.me.query();
    expect(me.user).toMatchObject({ email: "fresh@example.test", name: "Fresh Face" });
    expect(me.active).toMatchObject({ organisationName: preview.organisationName, role: "member" });
    expect(me.memberships).toHaveLength(1); // no organisation of their own

    await expectTrpcError(
      api.client().trpc.invites.acceptWithSignUp.mutate({ token, name: "Again", password: "fresh-password" }),
      "BAD_REQUEST",
      /already been used/,
    );
    expect((await guest.trpc.invites.preview.query({ token })).status).toBe("accepted");
    expect((await owner.trpc.members.list.query()).map((m) => m.email)).toContain("fresh@example.test");
    const audit = await api.deps.db.selectFrom("audit_log").select("action").where("target_id", "=", invite.id).execute();
    expect(audit.map((a) => a.action)).toEqual(["invite.created", "invite.accepted"]);
  });

  it("lets an existing user accept an invite sent to their own email, and only theirs", async () => {
    const owner = await ownerClient();
    const existing = await ownerClient(); // has an organisation of their own
    const existingEmail = `owner${counter}@example.test`;
    const invite = await owner.trpc.invites.create.mutate({ email: existingEmail, role: "admin" });
    const token = tokenOf(invite.link);
    expect((await existing.trpc.invites.preview.query({ token })).accountExists).toBe(true);

    const stranger = await ownerClient();
    await expectTrpcError(stranger.trpc.invites.accept.mutate({ token }), "FORBIDDEN", /sent to owner\d+@example\.test/);
    await expectTrpcError(api.client().trpc.invites.accept.mutate({ token }), "UNAUTHORIZED");
    await expectTrpcError(
      api.client().trpc.invites.acceptWithSignUp.mutate({ token, name: "Dup", password: "whatever-password" }),
      "CONFLICT",
      /already exists/,
    );

    await existing.trpc.invites.accept.mutate({ token });
    const me = await existing.trpc.auth.me.query();
    expect(me.memberships).toHaveLength(2);
    expect(me.active?.role).toBe("admin");
  });

  it("refuses expired and revoked invites, and invites for existing members", async () => {
    const owner = await ownerClient();
    const expired = await owner.trpc.invites.create.mutate({ email: "late@example.test", role: "member" });
    await api.deps.db
      .updateTable("invites")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", expired.id)
      .execute();
    await expectTrpcError(
      api
        .client()
        .trpc.invites.acceptWithSignUp.mutate({ token: tokenOf(expired.link), name: "Late", password: "late-password" }),
      "BAD_REQUEST",
      /expired/,
    );

    const revoked = await owner.trpc.invites.create.mutate({ email: "revoked@example.test", role: "member" });
    await owner.trpc.invites.revoke.mutate({ inviteId: revoked.id });
    await expectTrpcError(api.client().trpc.invites.preview.query({ token: tokenOf(revoked.link) }), "NOT_FOUND", /not valid/);

    const me = await owner.trpc.auth.me.query();
    await expectTrpcError(
      owner.trpc.invites.create.mutate({ email: me.user.email, role: "member" }),
      "CONFLICT",
      /already a member/,
    );
  });

  it("replaces an earlier open invite to the same email", async () => {
    const owner = await ownerClient();
    const first = await owner.trpc.invites.create.mutate({ email: "twice@example.test", role: "member" });
    await owner.trpc.invites.create.mutate({ email: "twice@example.test", role: "admin" });
    await expectTrpcError(api.client().trpc.invites.preview.query({ token: tokenOf(first.link) }), "NOT_FOUND");
    expect((await owner.trpc.invites.list.query()).map((i) => i.role)).toEqual(["admin"]);
  });
});
