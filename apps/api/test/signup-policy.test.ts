import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectTrpcError } from "./helpers/expect-error";
import { addMember, FIXTURE_PASSWORD, insertUser } from "./helpers/fixtures";
import { startTestApi, type TestApi } from "./helpers/test-api";

const newOwner = (email: string) => ({ name: "Grace Hopper", email, password: "compiler-first", organisationName: "Cobol Co" });

// Outside sandbox, SIGNUP unset means invite-only: a public sign-up is refused and writes nothing.
describe("SIGNUP unset outside sandbox (invite-only by default)", () => {
  let api: TestApi;
  beforeAll(async () => {
    // An empty value counts as unset, as deploy tools write blank fields.
    api = await startTestApi({ SIGNUP: "" });
  });
  afterAll(() => api?.close());

  it("says so to anyone asking, so the dashboard shows no sign-up form", async () => {
    expect(await api.client().trpc.auth.signupPolicy.query()).toEqual({ signup: "invite-only" });
  });

  it("refuses a sign-up with FORBIDDEN and creates no account or organisation", async () => {
    const { trpc } = api.client();
    await expectTrpcError(trpc.auth.signUp.mutate(newOwner("grace@example.test")), "FORBIDDEN", /invitation/);
    const users = await api.deps.db.selectFrom("users").select("id").where("email", "=", "grace@example.test").execute();
    const orgs = await api.deps.db.selectFrom("organisations").select("id").where("name", "=", "Cobol Co").execute();
    expect({ users: users.length, orgs: orgs.length }).toEqual({ users: 0, orgs: 0 });
  });

  it("still lets an invited person create their account through the invite", async () => {
    // Tried: an owner (made as `roster org create` would) invites someone, who signs up through
    // the link. Must hold: the account exists and is a member of the owner's organisation.
    const ownerUser = await insertUser(api.deps.db, "owner");
    const org = await api.deps.db
      .insertInto("organisations")
      .values({ name: "Invite Only Inc" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await addMember(api.deps.db, org.id, ownerUser.id, "owner");
    const owner = api.client();
    await owner.trpc.auth.signIn.mutate({ email: ownerUser.email, password: FIXTURE_PASSWORD });
    const invite = await owner.trpc.invites.create.mutate({ email: "invited@example.test", role: "member" });

    const guest = api.client();
    const token = invite.link.split("/invite/")[1] ?? "";
    await guest.trpc.invites.acceptWithSignUp.mutate({ token, name: "Invited Person", password: "invited-password" });
    const me = await guest.trpc.auth.me.query();
    expect({ email: me.user.email, organisation: me.active?.organisationName, role: me.active?.role }).toEqual({
      email: "invited@example.test",
      organisation: "Invite Only Inc",
      role: "member",
    });
  });
});

// SIGNUP=open lets anyone create an account and an organisation they own.
describe("SIGNUP=open", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ SIGNUP: "open" });
  });
  afterAll(() => api?.close());

  it("creates the account and signs it in as owner", async () => {
    const { trpc } = api.client();
    expect(await trpc.auth.signupPolicy.query()).toEqual({ signup: "open" });
    await trpc.auth.signUp.mutate(newOwner("grace@example.test"));
    expect((await trpc.auth.me.query()).active).toMatchObject({ organisationName: "Cobol Co", role: "owner" });
  });
});

// Sandbox (pnpm start) keeps sign-up open unless SIGNUP says otherwise.
describe("SANDBOX=true with SIGNUP unset", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ SANDBOX: "true", SIGNUP: "" });
  });
  afterAll(() => api?.close());

  it("allows sign-up", async () => {
    const { trpc } = api.client();
    await trpc.auth.signUp.mutate(newOwner("sandbox@example.test"));
    expect((await trpc.auth.me.query()).user.email).toBe("sandbox@example.test");
  });
});
