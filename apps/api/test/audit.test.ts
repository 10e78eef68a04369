import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError } from "./helpers/expect-error";
import { startTestApi, type TestApi } from "./helpers/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe("audit.list", () => {
  it("shows the owner who did what, newest first, a page at a time, for their organisation only", async () => {
    const owner = api.client();
    await owner.trpc.auth.signUp.mutate({
      name: "Audra Owner",
      email: "audra@example.test",
      password: "audit-password",
      organisationName: "Audited",
    });
    const other = api.client();
    await other.trpc.auth.signUp.mutate({
      name: "Else",
      email: "else@example.test",
      password: "else-password",
      organisationName: "Elsewhere",
    });
    await other.trpc.invites.create.mutate({ email: "not-yours@example.test", role: "member" });

    await owner.trpc.organisations.rename.mutate({ name: "Audited Ltd" });
    const invite = await owner.trpc.invites.create.mutate({ email: "joiner@example.test", role: "member" });
    const joiner = api.client();
    await joiner.trpc.invites.acceptWithSignUp.mutate({
      token: invite.link.split("/invite/")[1] ?? "",
      name: "Joe Joiner",
      password: "joiner-password",
    });
    const joinerId = (await joiner.trpc.auth.me.query()).user.id;
    await owner.trpc.members.setSensitive.mutate({ userId: joinerId, sensitive: true });
    await owner.trpc.members.changeRole.mutate({ userId: joinerId, role: "admin" });

    const first = await owner.trpc.audit.list.query({ limit: 3 });
    expect(first.entries.map((e) => [e.action, e.actorName])).toEqual([
      ["member.role_changed", "Audra Owner"],
      ["member.sensitive_granted", "Audra Owner"],
      ["invite.accepted", "Joe Joiner"],
    ]);
    expect(first.entries[0]).toMatchObject({
      targetType: "member",
      targetId: joinerId,
      details: { from: "member", to: "admin", email: "joiner@example.test" },
    });
    expect(first.nextCursor).toBe(first.entries[2]?.id);

    const rest = await owner.trpc.audit.list.query({ limit: 10, cursor: first.nextCursor });
    expect(rest.entries.map((e) => e.action)).toEqual(["invite.created", "organisation.renamed", "organisation.created"]);
    expect(rest.nextCursor).toBeNull();

    // The new admin is not an owner: the log stays closed to them.
    await expectTrpcError(joiner.trpc.audit.list.query(), "FORBIDDEN", /owners/);
  });
});
