import { createTransport, type MailCatcher, type Mailer, startMailCatcher } from "@roster/email";
import { generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runnerPreset } from "@roster/worker";
import { Logger, runMigrations, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "../src/index";
import { expectTrpcError } from "./helpers/expect-error";
import { createOrgFixture, insertSession, type OrgFixture } from "./helpers/fixtures";
import { startTestApi, type TestApi } from "./helpers/test-api";
import { testTaskList } from "./helpers/worker";

/**
 * Settings → Integrations → <HRIS> → "Send a connect link", over real HTTP: owners only, their own
 * organisation only; the email goes through the outbox and the real worker to a real SMTP catcher;
 * the link in it connects once, without a Roster account, and can be revoked before that.
 */
let api: TestApi;
let sim: ZenefitsSim;
let catcher: MailCatcher;
let mailer: Mailer;
let runJobs: () => Promise<void>;
let fx: OrgFixture;
const encryptionKey = generateEncryptionKey();

type Client = ReturnType<TestApi["client"]>["trpc"];
async function clientFor(user: keyof OrgFixture["users"], organisationId = fx.organisationId): Promise<Client> {
  const { trpc, jar } = api.client();
  jar.cookies.set(SESSION_COOKIE, await insertSession(api.deps.db, fx.users[user].id, organisationId));
  return trpc;
}

beforeAll(async () => {
  sim = await startZenefitsSim({ port: 0, people: 10, seed: 11 });
  api = await startTestApi(
    { ENCRYPTION_KEY: encryptionKey, PUBLIC_URL: "https://roster.example.test" },
    { connections: { credentialDefaults: { zenefits: { baseUrl: sim.url } }, verify: { retry: { maxAttempts: 1 } } } },
  );
  await runMigrations({ connectionString: api.database.url });
  catcher = await startMailCatcher({ port: 0 });
  mailer = createTransport(catcher.smtpUrl);
  const taskList = testTaskList(api.database.db, { encryptionKey, mailer, publicUrl: "https://roster.example.test" });
  runJobs = () =>
    runOnce({
      connectionString: api.database.url,
      taskList,
      noHandleSignals: true,
      logger: new Logger(() => () => {}),
      preset: runnerPreset,
    });
  fx = await createOrgFixture(api.database.db);
});
afterAll(async () => {
  mailer?.close();
  await catcher?.stop();
  await api?.close();
  await sim?.close();
});

/** What the connect page (apps/web's /connect/:token) calls, with the link token as its only credential. */
async function linkPage(token: string, path = "", body?: unknown) {
  const response = await fetch(`${api.url}/api/connect-link${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const tokenIn = (text: string) => /https:\/\/roster\.example\.test\/connect\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe("who may send, list and revoke connect links", () => {
  it("owners of the organisation only: admins and members are refused, another organisation's owner reaches none of them", async () => {
    // Tried: the owner sends a link; the admin and the member try to send, list and revoke; the
    // owner of another organisation lists and revokes in their own organisation, then with a session
    // pointed at this one. Must hold: the owner's link is made (this organisation, Zenefits, sent to
    // the address, 72 hours) and audited; every other call is FORBIDDEN, except the other owner in
    // their own organisation, who sees none of this organisation's links and gets NOT_FOUND on
    // revoking one; the link is still pending afterwards.
    const owner = await clientFor("owner");
    const sent = await owner.connectLinks.send.mutate({ connectorId: "zenefits", email: "IT@Vendor.test", note: "" });
    expect(sent.email).toBe("it@vendor.test");
    const hours = (new Date(sent.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const row = await api.deps.db
      .selectFrom("connect_links")
      .select(["organisation_id", "connector_ids", "sent_to", "created_by_user_id", "return_url", "allowed_origins"])
      .where("id", "=", sent.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      organisation_id: fx.organisationId,
      connector_ids: ["zenefits"],
      sent_to: "it@vendor.test",
      created_by_user_id: fx.users.owner.id,
      return_url: null,
      allowed_origins: [],
    });
    const audit = await api.deps.db
      .selectFrom("audit_log")
      .select(["actor_user_id", "details"])
      .where("action", "=", "connect_link.created")
      .where("target_id", "=", sent.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: fx.users.owner.id, details: { sent_to: "it@vendor.test" } });

    for (const role of ["admin", "member", "sensitiveMember"] as const) {
      const client = await clientFor(role);
      await expectTrpcError(client.connectLinks.send.mutate({ connectorId: "zenefits", email: "x@vendor.test" }), "FORBIDDEN");
      await expectTrpcError(client.connectLinks.list.query({ connectorId: "zenefits" }), "FORBIDDEN");
      await expectTrpcError(client.connectLinks.revoke.mutate({ linkId: sent.id }), "FORBIDDEN");
    }

    const otherOwner = await clientFor("otherOwner", fx.otherOrganisationId);
    expect(await otherOwner.connectLinks.list.query({ connectorId: "zenefits" })).toEqual([]);
    await expectTrpcError(otherOwner.connectLinks.revoke.mutate({ linkId: sent.id }), "NOT_FOUND");
    const intruder = await clientFor("otherOwner", fx.organisationId);
    await expectTrpcError(intruder.connectLinks.list.query({ connectorId: "zenefits" }), "FORBIDDEN");
    await expectTrpcError(intruder.connectLinks.revoke.mutate({ linkId: sent.id }), "FORBIDDEN");

    const listed = await owner.connectLinks.list.query({ connectorId: "zenefits" });
    expect(listed.find((l) => l.id === sent.id)).toMatchObject({ status: "pending", sentTo: "it@vendor.test", sentBy: "owner" });
    expect(await owner.connectLinks.list.query({ connectorId: "bamboohr" })).toEqual([]);
  });

  it("refuses an ATS, and a provider the organisation already has", async () => {
    // Tried: Lever (an ATS); Zenefits in the other organisation, once connected there. Must hold:
    // BAD_REQUEST, then CONFLICT saying to replace the token instead; no link stored for either.
    const owner = await clientFor("owner");
    await expectTrpcError(owner.connectLinks.send.mutate({ connectorId: "lever", email: "x@vendor.test" }), "BAD_REQUEST");
    const otherOwner = await clientFor("otherOwner", fx.otherOrganisationId);
    await otherOwner.connections.connect.mutate({
      connectorId: "zenefits",
      credentials: { accessToken: sim.defaultToken },
      notificationEmail: "ops@other.test",
    });
    await expectTrpcError(
      otherOwner.connectLinks.send.mutate({ connectorId: "zenefits", email: "x@vendor.test" }),
      "CONFLICT",
      /already connected: replace its token/,
    );
    const stored = await api.deps.db
      .selectFrom("connect_links")
      .select("id")
      .where("organisation_id", "=", fx.otherOrganisationId)
      .execute();
    expect(stored).toEqual([]);
  });
});

describe("the email and the link in it", () => {
  it("reaches the recipient over SMTP saying who asked, for what, until when, and that the token goes to no one; the link connects once", async () => {
    // Tried: the owner sends a link with a note; the worker delivers the outbox to the SMTP catcher;
    // the recipient (no Roster account) opens the link from the email, verifies the simulator's
    // token and connects; then uses the link again. Must hold: one email to the recipient naming
    // the owner, the organisation, Zenefits, the expiry and the note, telling them never to send the
    // token; the page names who asked; the connection is this organisation's, with no redirect (the
    // page says it is done); the second use is 410; the owner's list shows the link connected.
    const owner = await clientFor("owner");
    const sent = await owner.connectLinks.send.mutate({
      connectorId: "zenefits",
      email: "zen-admin@vendor.test",
      note: "Please tick every permission <3",
    });
    await runJobs();
    const email = await catcher.waitFor((m) => m.to.includes("zen-admin@vendor.test"), 10_000);
    expect(email.subject).toBe("owner asks you to connect Zenefits to Roster for Acme");
    expect(email.text).toContain(`Requested by: owner (${fx.users.owner.email})`);
    expect(email.text).toContain("Organisation: Acme");
    expect(email.text).toContain("Provider: Zenefits");
    expect(email.text).toContain(`Link expires: ${new Date(sent.expiresAt).toISOString().slice(0, 16).replace("T", " ")} UTC`);
    expect(email.text).toContain("Their note: “Please tick every permission <3”");
    expect(email.text).toContain("You never need to send the token or key to anyone");
    expect(email.html).toContain("Please tick every permission &lt;3");
    const token = tokenIn(email.text);
    expect(token).toBeDefined();
    const outbox = await api.deps.db
      .selectFrom("email_outbox")
      .select(["kind", "status"])
      .where("dedupe_key", "=", `connect_link:${sent.id}`)
      .executeTakeFirstOrThrow();
    expect(outbox).toEqual({ kind: "connect_link", status: "sent" });

    const described = await linkPage(token!);
    expect(described.status).toBe(200);
    expect(described.body.requested_by).toEqual({ name: "owner", organisation_name: "Acme" });
    expect(described.body.connectors.map((c: { id: string }) => c.id)).toEqual(["zenefits"]);
    const credentials = { accessToken: sim.defaultToken };
    expect((await linkPage(token!, "/verify", { credentials })).status).toBe(200);
    const done = await linkPage(token!, "/complete", { credentials, notification_email: null });
    expect(done.status).toBe(201);
    expect(done.body.redirect_url).toBeNull();
    const connection = await api.deps.db
      .selectFrom("connections")
      .select(["organisation_id", "connector_id"])
      .where("id", "=", done.body.connection_id)
      .executeTakeFirstOrThrow();
    expect(connection).toEqual({ organisation_id: fx.organisationId, connector_id: "zenefits" });

    const again = await linkPage(token!, "/complete", { credentials });
    expect(again.status).toBe(410);
    expect((await linkPage(token!)).body.detail).toBe("This connect link was already used. Ask for a new one.");
    const listed = await owner.connectLinks.list.query({ connectorId: "zenefits" });
    expect(listed.find((l) => l.id === sent.id)).toMatchObject({ status: "connected", connectionId: done.body.connection_id });
    await expectTrpcError(owner.connectLinks.revoke.mutate({ linkId: sent.id }), "CONFLICT");
  });

  it("a revoked link is refused from its next request on", async () => {
    // Tried: the owner, in a second organisation of theirs with nothing connected, sends a link; the
    // email is delivered; the owner revokes it; then the recipient opens it. Must hold: 410 saying it
    // was revoked, on the page and on complete; nothing connected; the list says revoked.
    const owner = await clientFor("owner");
    const organisation = await api.deps.db
      .insertInto("organisations")
      .values({ name: "Revokers" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await api.deps.db
      .insertInto("memberships")
      .values({ organisation_id: organisation.id, user_id: fx.users.owner.id, role: "owner", sensitive: false })
      .execute();
    await owner.organisations.switch.mutate({ organisationId: organisation.id });
    const sent = await owner.connectLinks.send.mutate({ connectorId: "zenefits", email: "wrong-person@vendor.test" });
    await runJobs();
    const token = tokenIn((await catcher.waitFor((m) => m.to.includes("wrong-person@vendor.test"), 10_000)).text);
    await owner.connectLinks.revoke.mutate({ linkId: sent.id });

    const page = await linkPage(token!);
    expect(page).toMatchObject({ status: 410, body: { detail: "This connect link was revoked. Ask for a new one." } });
    expect((await linkPage(token!, "/complete", { credentials: { accessToken: sim.defaultToken } })).status).toBe(410);
    expect(
      await api.deps.db.selectFrom("connections").select("id").where("organisation_id", "=", organisation.id).execute(),
    ).toEqual([]);
    const listed = await owner.connectLinks.list.query({ connectorId: "zenefits" });
    expect(listed.map((l) => [l.id, l.status])).toEqual([[sent.id, "revoked"]]);
  });
});
