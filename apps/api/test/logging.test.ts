import { Writable } from "node:stream";
import { createLogger } from "@roster/logger";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./helpers/test-api";

let api: TestApi;
const lines: string[] = [];
beforeAll(async () => {
  api = await startTestApi();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  // Everything the API logs, at every level, goes to `lines`.
  api.deps.log = createLogger("api", { level: "trace", destination: sink });
});
afterAll(() => api?.close());

describe("logs", () => {
  it("never contain passwords, session tokens, cookies or invite tokens", async () => {
    const owner = api.client();
    const password = "pa55word-that-must-not-leak";
    await owner.trpc.auth.signUp.mutate({ name: "Lo Gger", email: "log@example.test", password, organisationName: "Logs" });
    await owner.trpc.auth.signIn.mutate({ email: "log@example.test", password: "wrong-and-secret" }).catch(() => {});
    await owner.trpc.auth.signIn.mutate({ email: "log@example.test", password });
    const invite = await owner.trpc.invites.create.mutate({ email: "inv@example.test", role: "member" });
    await api
      .client()
      .trpc.invites.acceptWithSignUp.mutate({ token: "x".repeat(43), name: "N", password })
      .catch(() => {});

    const text = lines.join("");
    expect(text).toMatch(/user signed in/);
    for (const secret of [
      password,
      "wrong-and-secret",
      owner.jar.cookies.get("roster_session") ?? "no-cookie",
      invite.link.split("/invite/")[1] ?? "no-token",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
