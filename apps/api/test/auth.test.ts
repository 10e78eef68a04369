import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_MAX_FAILURES } from "../src/auth/rate-limit";
import { hashToken } from "../src/auth/tokens";
import { callerFor } from "./helpers/callers";
import { expectTrpcError } from "./helpers/expect-error";
import { startTestApi, type TestApi } from "./helpers/test-api";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const signUp = (email: string) => ({
  name: "Ada Lovelace",
  email,
  password: "analytical-engine",
  organisationName: "Engines Ltd",
});

describe("sign up, sign in, sign out over HTTP", () => {
  it("signs up into a new organisation as its owner, with an httpOnly Lax session cookie", async () => {
    const { trpc, jar } = api.client();
    await trpc.auth.signUp.mutate(signUp("  Ada@Example.TEST "));

    const cookie = jar.setCookieHeaders.at(-1) ?? "";
    expect(cookie).toMatch(/^roster_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const me = await trpc.auth.me.query();
    expect(me.user.email).toBe("ada@example.test");
    expect(me.active).toMatchObject({ organisationName: "Engines Ltd", role: "owner", sensitive: false });
    expect(me.memberships).toHaveLength(1);

    // Only the token's sha256 is stored.
    const token = jar.cookies.get("roster_session") ?? "";
    const sessions = await api.deps.db.selectFrom("auth_sessions").selectAll().where("user_id", "=", me.user.id).execute();
    expect(sessions.map((s) => s.id_hash)).toEqual([hashToken(token)]);
    const days = (sessions[0]!.expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it("refuses a second account for the same email", async () => {
    const { trpc } = api.client();
    await trpc.auth.signUp.mutate(signUp("twice@example.test"));
    await expectTrpcError(api.client().trpc.auth.signUp.mutate(signUp("TWICE@example.test")), "CONFLICT", /already exists/);
  });

  it("rejects invalid input with per-field messages", async () => {
    const error = await expectTrpcError(
      api.client().trpc.auth.signUp.mutate({ name: "", email: "not-an-email", password: "short", organisationName: "X" }),
      "BAD_REQUEST",
    );
    expect(error.data.fieldErrors).toMatchObject({
      name: ["Enter your name"],
      email: [expect.stringMatching(/valid email/)],
      password: ["Use at least 8 characters"],
    });
  });

  it("signs in with the right password, not with a wrong one or an unknown email", async () => {
    await api.client().trpc.auth.signUp.mutate(signUp("grace@example.test"));
    const { trpc } = api.client();
    await expectTrpcError(
      trpc.auth.signIn.mutate({ email: "grace@example.test", password: "wrong-password" }),
      "UNAUTHORIZED",
      /Email or password is incorrect/,
    );
    await expectTrpcError(
      trpc.auth.signIn.mutate({ email: "nobody@example.test", password: "analytical-engine" }),
      "UNAUTHORIZED",
      /Email or password is incorrect/,
    );
    await expectTrpcError(trpc.auth.me.query(), "UNAUTHORIZED", /sign in/);

    await trpc.auth.signIn.mutate({ email: "GRACE@example.test", password: "analytical-engine" });
    const me = await trpc.auth.me.query();
    expect(me.user.email).toBe("grace@example.test");
    expect(me.active?.role).toBe("owner");
  });

  it("signs out: the session row is gone and the cookie is cleared", async () => {
    const { trpc, jar } = api.client();
    await trpc.auth.signUp.mutate(signUp("leaving@example.test"));
    const token = jar.cookies.get("roster_session") ?? "";
    await trpc.auth.signOut.mutate();
    expect(jar.setCookieHeaders.at(-1)).toMatch(/^roster_session=;.*Max-Age=0/);
    expect(jar.cookies.has("roster_session")).toBe(false);
    const row = await api.deps.db.selectFrom("auth_sessions").select("id_hash").where("id_hash", "=", hashToken(token)).execute();
    expect(row).toEqual([]);

    // The old token, replayed, no longer works.
    const { caller } = await callerFor(api.deps, token);
    await expectTrpcError(caller.auth.me(), "UNAUTHORIZED");
  });

  it("rate-limits sign-in per email after repeated failures; a success resets the count", async () => {
    await api.client().trpc.auth.signUp.mutate(signUp("target@example.test"));
    await api.client().trpc.auth.signUp.mutate(signUp("bystander@example.test"));
    const { trpc } = api.client();
    const wrong = { email: "target@example.test", password: "wrong-password" };
    const right = { email: "target@example.test", password: "analytical-engine" };

    for (let i = 0; i < SIGN_IN_MAX_FAILURES - 1; i++) await expectTrpcError(trpc.auth.signIn.mutate(wrong), "UNAUTHORIZED");
    await trpc.auth.signIn.mutate(right); // resets the count
    for (let i = 0; i < SIGN_IN_MAX_FAILURES; i++) await expectTrpcError(trpc.auth.signIn.mutate(wrong), "UNAUTHORIZED");

    // Locked now, even with the right password.
    await expectTrpcError(trpc.auth.signIn.mutate(right), "TOO_MANY_REQUESTS", /Too many failed sign-ins/);
    // Another email is unaffected.
    await trpc.auth.signIn.mutate({ email: "bystander@example.test", password: "analytical-engine" });

    // Once the failures are older than the window, sign-in works again.
    await api.deps.db
      .updateTable("sign_in_attempts")
      .set({ attempted_at: new Date(Date.now() - 16 * 60_000) })
      .where("email", "=", "target@example.test")
      .execute();
    await trpc.auth.signIn.mutate(right);
  });

  it("refuses an expired session with a message that says so", async () => {
    const { trpc, jar } = api.client();
    await trpc.auth.signUp.mutate(signUp("expiring@example.test"));
    const token = jar.cookies.get("roster_session") ?? "";
    await api.deps.db
      .updateTable("auth_sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id_hash", "=", hashToken(token))
      .execute();
    await expectTrpcError(trpc.auth.me.query(), "UNAUTHORIZED", /session has expired/);
    await expectTrpcError(trpc.members.list.query(), "UNAUTHORIZED");
  });

  it("marks the cookie Secure when PUBLIC_URL is https", async () => {
    const { caller, lastContext } = await callerFor({
      ...api.deps,
      config: { ...api.deps.config, PUBLIC_URL: "https://roster.example" },
    });
    await caller.auth.signUp(signUp("secure@example.test"));
    expect(lastContext().responseCookies.at(-1)).toMatch(/; Secure/);
  });
});
