import { Writable } from "node:stream";
import { sql } from "@roster/db";
import { canSeeHireTransfers, exportJobKey } from "@roster/hire-export";
import { createLogger } from "@roster/logger";
import { decryptJson, generateEncryptionKey } from "@roster/secrets";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { membershipSatisfies, permissions } from "../src/auth/permissions";
import { SESSION_COOKIE } from "../src/index";
import { expectTrpcError, trpcErrorOf } from "./helpers/expect-error";
import { createOrgFixture, insertSession, type OrgFixture } from "./helpers/fixtures";
import { insertCandidate, insertTransfer } from "./helpers/lever";
import { startTestApi, type TestApi } from "./helpers/test-api";

// Settings → Integrations → Lever, the webhook route, the candidates and the secret story,
// over real HTTP against both simulators and a real database (graphile-worker's schema
// installed, no worker running: queued jobs stay in the queue where the test can see them).
let api: TestApi;
let lever: LeverSim;
let zenefits: ZenefitsSim;
let fx: OrgFixture;
const encryptionKey = generateEncryptionKey();
const logLines: string[] = [];

type Client = ReturnType<TestApi["client"]>["trpc"];
type Role = "owner" | "admin" | "member" | "sensitiveMember" | "otherOwner";
const clients = {} as Record<Role, Client>;

const goodForm = () => ({
  apiKey: lever.apiKey,
  webhookSigningToken: lever.webhookSignatureToken,
  zenefitsCompanyId: zenefits.companyId,
  zenefitsClientSecret: zenefits.clientSecret(),
});
/** Every secret handed to the API: none may come back in a response or a log line. */
const secrets = () => [lever.apiKey, lever.webhookSignatureToken, zenefits.clientSecret()];

const jobsWithKey = async (key: string) =>
  (
    await sql<{ task_identifier: string; payload: { trigger: string } }>`
      select t.identifier as task_identifier, j.payload from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id where j.key = ${key}`.execute(api.deps.db)
  ).rows;

let connectionId: string;
const webhookUrl = (id: string) => `${api.url}/webhooks/lever/${id}`;

beforeAll(async () => {
  [lever, zenefits] = await Promise.all([
    startLeverSim({ opportunities: 30, seed: 5, rateLimit: false, webhookRetryDelaysMs: [] }),
    startZenefitsSim({ port: 0, people: 10, seed: 4 }),
  ]);
  api = await startTestApi(
    { ENCRYPTION_KEY: encryptionKey },
    {
      connections: {
        credentialDefaults: { lever: { baseUrl: `${lever.url}/v1`, zenefitsBaseUrl: zenefits.url } },
        verify: { retry: { maxAttempts: 1 } },
      },
    },
  );
  api.deps.apiPublicUrl = api.url;
  await runMigrations({ connectionString: api.database.url });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  api.deps.log = createLogger("api", { level: "trace", destination: sink });
  fx = await createOrgFixture(api.deps.db);
  for (const role of ["owner", "admin", "member", "sensitiveMember"] as const) {
    const { trpc, jar } = api.client();
    jar.cookies.set(SESSION_COOKIE, await insertSession(api.deps.db, fx.users[role].id, fx.organisationId));
    clients[role] = trpc;
  }
  const { trpc, jar } = api.client();
  jar.cookies.set(SESSION_COOKIE, await insertSession(api.deps.db, fx.users.otherOwner.id, fx.otherOrganisationId));
  clients.otherOwner = trpc;
});
afterAll(async () => {
  await api?.close();
  await lever?.close();
  await zenefits?.close();
});

describe("setup: verify and save", () => {
  it("Verify with the simulators' values: both sides ✓; nothing is stored", async () => {
    expect(await clients.owner.lever.verify.mutate({ credentials: goodForm() })).toEqual({
      lever: { ok: true },
      zenefits: { ok: true },
      targetName: "Zenefits",
    });
    expect(await clients.owner.lever.get.query()).toMatchObject({ connection: null });
  });

  it("a wrong Zenefits client secret: Verify names the Zenefits side, Lever stays ✓", async () => {
    const result = await clients.owner.lever.verify.mutate({
      credentials: { ...goodForm(), zenefitsClientSecret: "not-the-client-secret" },
    });
    expect(result.lever).toEqual({ ok: true });
    expect(result.zenefits).toMatchObject({ ok: false, error: expect.stringMatching(/Company ID and Client Secret/) });
  });

  it("a wrong Lever API key: Verify names the Lever side, Zenefits stays ✓", async () => {
    const result = await clients.owner.lever.verify.mutate({ credentials: { ...goodForm(), apiKey: "wrong-lever-api-key" } });
    expect(result.zenefits).toEqual({ ok: true });
    expect(result.lever).toMatchObject({ ok: false, error: expect.stringMatching(/Lever answered 401/) });
  });

  it("refuses a contact who cannot open the hire exports (another organisation's owner, a member), naming the field", async () => {
    // Tried: save with each as the export-failure contact. Holds: refused on the field, nothing stored.
    for (const contact of [fx.users.otherOwner, fx.users.member, fx.users.sensitiveMember]) {
      const refused = await expectTrpcError(
        clients.owner.lever.save.mutate({
          enabled: true,
          credentials: goodForm(),
          contactUserId: contact.id,
          offersMode: "zenefits",
        }),
        "BAD_REQUEST",
      );
      expect(refused.data.fieldErrors.contactUserId).toEqual([
        "Choose an owner or an admin: members cannot open the hire exports the email links to",
      ]);
    }
    expect(await clients.owner.lever.get.query()).toMatchObject({ connection: null });
  });

  it("refuses a first save without every credential, naming the missing ones", async () => {
    const refused = await expectTrpcError(
      clients.owner.lever.save.mutate({
        enabled: true,
        credentials: { ...goodForm(), zenefitsClientSecret: "" },
        contactUserId: null,
        offersMode: "lever",
      }),
      "BAD_REQUEST",
    );
    expect(Object.keys(refused.data.fieldErrors)).toEqual(["zenefitsClientSecret"]);
  });

  it("saves: encrypted bound to the row, hints only, webhook URL on the API's public base, first sync queued, audited", async () => {
    const saved = await clients.owner.lever.save.mutate({
      enabled: true,
      credentials: goodForm(),
      contactUserId: fx.users.admin.id,
      offersMode: "zenefits",
    });
    expect(saved.created).toBe(true);
    expect(saved.sandboxWebhook).toBeNull();
    const view = saved.view.connection!;
    connectionId = view.id;
    expect(view.webhookUrl).toBe(`${api.url}/webhooks/lever/${connectionId}`);
    expect(view.settings).toEqual({
      enabled: true,
      contactUserId: fx.users.admin.id,
      offersMode: "zenefits",
      exportTo: null,
    });
    expect(view.credentials).toEqual({
      apiKeyHint: `••••${lever.apiKey.slice(-4)}`,
      webhookSigningTokenHint: `••••${lever.webhookSignatureToken.slice(-4)}`,
      zenefitsCompanyId: zenefits.companyId,
      zenefitsClientSecretHint: `••••${zenefits.clientSecret().slice(-4)}`,
      problem: null,
    });

    const row = await api.deps.db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
    expect(row.connector_id).toBe("lever");
    expect(decryptJson(row.credentials_encrypted, encryptionKey, row.id)).toEqual({
      ...goodForm(),
      baseUrl: `${lever.url}/v1`,
      zenefitsBaseUrl: zenefits.url,
    });
    expect(await jobsWithKey(`sync:${connectionId}`)).toEqual([expect.objectContaining({ task_identifier: "sync_connection" })]);
    const audit = await api.deps.db.selectFrom("audit_log").selectAll().where("target_id", "=", connectionId).execute();
    expect(audit.map((a) => a.action)).toEqual(["connection.created"]);
  });

  it("blank secret fields keep the stored ones; admins read the setup but may not save or verify", async () => {
    await clients.owner.lever.save.mutate({
      enabled: true,
      credentials: { apiKey: "", webhookSigningToken: "", zenefitsCompanyId: "", zenefitsClientSecret: "" },
      contactUserId: fx.users.admin.id,
      offersMode: "zenefits",
    });
    const row = await api.deps.db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
    expect(decryptJson<Record<string, unknown>>(row.credentials_encrypted, encryptionKey, row.id)).toMatchObject(goodForm());
    // Verify with nothing typed checks the stored values.
    expect(await clients.owner.lever.verify.mutate({})).toEqual({
      lever: { ok: true },
      zenefits: { ok: true },
      targetName: "Zenefits",
    });

    const adminView = await clients.admin.lever.get.query();
    expect(adminView.connection?.settings.contactUserId).toBe(fx.users.admin.id);
    await expectTrpcError(clients.admin.lever.save.mutate({ ...adminView.connection!.settings, credentials: {} }), "FORBIDDEN");
    await expectTrpcError(clients.admin.lever.verify.mutate({}), "FORBIDDEN");
    await expectTrpcError(clients.member.lever.get.query(), "FORBIDDEN");
  });
});

describe("setup: Send hires to", () => {
  it("offers the organisation's HRIS connections that can receive hires; the choice is saved and kept; another's is refused", async () => {
    // Tried: a BambooHR connection in this organisation and one in another; the view's choices;
    // saving each as the target; a save that does not name a target (as the CLI's). Must hold:
    // only this organisation's BambooHR is offered (not Lever itself); choosing it is stored
    // with the Zenefits channel's stored credentials kept; the other organisation's is refused
    // naming the field, changing nothing; a save without a target keeps the stored one.
    const addBamboo = async (organisationId: string) =>
      (
        await api.deps.db
          .insertInto("connections")
          .values({
            organisation_id: organisationId,
            connector_id: "bamboohr",
            display_name: "BambooHR",
            credentials_encrypted: "x",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const ours = await addBamboo(fx.organisationId);
    const theirs = await addBamboo(fx.otherOrganisationId);
    const view = await clients.owner.lever.get.query();
    expect(view.exportTargets).toEqual([{ id: ours, displayName: "BambooHR", connectorName: "BambooHR" }]);

    const blank = { apiKey: "", webhookSigningToken: "", zenefitsCompanyId: "", zenefitsClientSecret: "" };
    const settings = { enabled: true, contactUserId: fx.users.admin.id, offersMode: "zenefits" as const };
    await expectTrpcError(clients.owner.lever.save.mutate({ ...settings, credentials: blank, exportTo: theirs }), "BAD_REQUEST");
    expect((await clients.owner.lever.get.query()).connection?.settings.exportTo).toBeNull();

    const saved = await clients.owner.lever.save.mutate({ ...settings, credentials: blank, exportTo: ours });
    expect(saved.view.connection?.settings.exportTo).toBe(ours);
    const row = await api.deps.db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
    expect(decryptJson<Record<string, unknown>>(row.credentials_encrypted, encryptionKey, row.id)).toMatchObject(goodForm());
    await clients.owner.lever.save.mutate({ ...settings, credentials: blank });
    expect((await clients.owner.lever.get.query()).connection?.settings.exportTo).toBe(ours);

    // Back to the Zenefits channel for the exports below.
    await clients.owner.lever.save.mutate({ ...settings, credentials: blank, exportTo: null });
    expect((await clients.owner.lever.get.query()).connection?.settings.exportTo).toBeNull();
  });
});

describe("POST /webhooks/lever/<connectionId> over real HTTP", () => {
  const post = (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

  it("a real hire in the Lever simulator → 202 and one export_hire job for that candidate", async () => {
    lever.setWebhook({ url: webhookUrl(connectionId), signatureToken: lever.webhookSignatureToken });
    const opportunityId = lever.opportunityIdsInStage(lever.ids.offerStageId)[0]!;
    expect(opportunityId).toBeDefined();
    expect(await lever.hire(opportunityId)).toEqual({ deliveredStatus: 202 });
    const jobs = await jobsWithKey(exportJobKey(connectionId, opportunityId));
    expect(jobs).toEqual([
      expect.objectContaining({ task_identifier: "export_hire", payload: expect.objectContaining({ trigger: "webhook" }) }),
    ]);
    const deliveries = await api.deps.db.selectFrom("webhook_deliveries").selectAll().execute();
    expect(deliveries.filter((d) => d.event === "candidateHired")).toHaveLength(1);
    // The archive change that came first was acknowledged (200) and queued nothing.
    expect(lever.webhookLog().map((d) => [d.event, d.lastStatus])).toEqual([
      ["candidateArchiveChange", 200],
      ["candidateHired", 202],
    ]);
  });

  it("the same delivery again (a replay) → 409, nothing more queued", async () => {
    const before = await api.deps.db.selectFrom("webhook_deliveries").select("id").execute();
    expect(await lever.replayLastWebhook()).toBe(409);
    expect(await api.deps.db.selectFrom("webhook_deliveries").select("id").execute()).toHaveLength(before.length);
  });

  it("a delivery signed with the wrong key (forged) → 401, nothing stored", async () => {
    const before = await api.deps.db.selectFrom("webhook_deliveries").select("id").execute();
    expect(await lever.sendForgedWebhook()).toBe(401);
    expect(await api.deps.db.selectFrom("webhook_deliveries").select("id").execute()).toHaveLength(before.length);
  });

  it("a body over 1 MB → 413 (streamed or declared), nothing stored", async () => {
    const before = await api.deps.db.selectFrom("webhook_deliveries").select("id").execute();
    const big = JSON.stringify({ token: "x", triggeredAt: Date.now(), event: "candidateHired", pad: "a".repeat(1_100_000) });
    const res = await post(`/webhooks/lever/${connectionId}`, big);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: expect.stringMatching(/larger than 1048576 bytes/) });
    // Far over the limit: refused from Content-Length, without reading the body.
    const huge = await post(`/webhooks/lever/${connectionId}`, new Uint8Array(12 * 1024 * 1024)).catch((e: Error) => e);
    if (!(huge instanceof Error)) expect(huge.status).toBe(413);
    expect(await api.deps.db.selectFrom("webhook_deliveries").select("id").execute()).toHaveLength(before.length);
    // A body just under the limit is read and judged by the handler (not Lever's shape: 400).
    const under = await post(`/webhooks/lever/${connectionId}`, JSON.stringify({ pad: "a".repeat(1_000_000) }));
    expect(under.status).toBe(400);
  });

  it("an unknown connection: 401 for a well-formed id (the package's answer: ids cannot be probed); 404 for no id", async () => {
    const body = lever.webhookLog().at(-1)!.body;
    const unknown = await post(`/webhooks/lever/${crypto.randomUUID()}`, body);
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ message: "Unknown connection or invalid signature" });
    expect((await post("/webhooks/lever/not-a-connection", body)).status).toBe(404);
    expect((await post("/webhooks/lever", body)).status).toBe(404);
    expect((await post("/webhooks/lever/", body)).status).toBe(404);
    expect((await post("/webhooks/__proto__", body)).status).toBe(404);
    expect((await fetch(webhookUrl(connectionId))).status).toBe(405);
  });
});

describe("the secret story: who sees hire transfers", () => {
  const roles = ["owner", "admin", "member", "sensitiveMember", "otherOwner"] as const;
  const membership = {
    owner: { role: "owner", sensitive: false },
    admin: { role: "admin", sensitive: false },
    member: { role: "member", sensitive: false },
    sensitiveMember: { role: "member", sensitive: true },
    otherOwner: null,
  } as const;
  let story: { candidateId: string; error: string };

  beforeAll(async () => {
    const candidate = await insertCandidate(api.deps.db, fx.organisationId, connectionId, {
      name: "Stella Secret",
      status: "offer",
    });
    const error = "Zenefits answered 503 while importing Stella";
    await insertTransfer(api.deps.db, fx.organisationId, connectionId, candidate.remoteId, {
      candidateName: "Stella Secret",
      error,
    });
    story = { candidateId: candidate.id, error };
  });

  it("the permissions level of lever.transfers is exactly canSeeHireTransfers", () => {
    expect(permissions["lever.transfers"]).toBe("sensitive");
    for (const role of ["owner", "admin", "member"] as const) {
      for (const sensitive of [false, true]) {
        expect(membershipSatisfies("sensitive", { role, sensitive })).toBe(canSeeHireTransfers({ role, sensitive }));
      }
    }
  });

  it.each(roles)("as %s: transfers allowed or refused, candidates rows with or without the outcome", async (role) => {
    const client = clients[role];
    const m = membership[role];
    if (m === null) {
      // The owner of another organisation, signed in there: allowed the procedure, but A's story is not theirs.
      await expectTrpcError(client.lever.transfers.query({ candidateId: story.candidateId }), "NOT_FOUND");
      expect(await client.lever.transfers.query({})).toEqual([]);
      expect(await client.lever.candidates.query({})).toMatchObject({ connected: false, candidates: [] });
      return;
    }
    const allowed = canSeeHireTransfers(m);
    const transfers = client.lever.transfers.query({ candidateId: story.candidateId });
    if (allowed) {
      const list = await transfers;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        candidateName: "Stella Secret",
        status: "failed",
        error: story.error,
        sent: { salary: { amount: 123_456 } },
      });
    } else {
      await expectTrpcError(transfers, "FORBIDDEN");
    }

    const page = await client.lever.candidates.query({ status: "offer" });
    expect(page.transfersVisible).toBe(allowed);
    const row = page.candidates.find((c) => c.id === story.candidateId)!;
    expect(row).toMatchObject({ name: "Stella Secret", status: "offer", sendToZenefitsOffered: true });
    if (allowed) {
      expect(row).toMatchObject({ transfer: { status: "failed", error: story.error }, email: expect.any(String) });
    } else {
      expect(row).not.toHaveProperty("transfer");
      expect(row).not.toHaveProperty("email");
    }
  });

  it("nothing of the story reaches a plain member over the wire", async () => {
    const start = api.responses.length;
    await clients.member.lever.candidates.query({});
    await trpcErrorOf(clients.member.lever.transfers.query({}));
    const bodies = api.responses.slice(start).join("\n");
    expect(bodies).not.toContain(story.error);
    expect(bodies).not.toContain("123456");
  });

  it("Retry by hand (owners and admins) re-queues the failed export; a succeeded one has nothing to retry", async () => {
    const [failed] = await clients.admin.lever.transfers.query({ status: "failed" });
    expect(failed).toBeDefined();
    expect(await clients.admin.lever.retryTransfer.mutate({ transferId: failed!.id })).toEqual({
      transferId: failed!.id,
      queued: true,
    });
    expect(await jobsWithKey(exportJobKey(connectionId, failed!.opportunityId))).toHaveLength(1);
    const [again] = await clients.owner.lever.transfers.query({ status: "failed" });
    expect(again?.nextRetry).toMatchObject({ attempts: 0, running: false });

    const done = await insertCandidate(api.deps.db, fx.organisationId, connectionId, { name: "Done Dan", status: "hired" });
    const transferId = await insertTransfer(api.deps.db, fx.organisationId, connectionId, done.remoteId, {
      status: "succeeded",
    });
    // The succeeded transfer names the record it became, in the HRIS's own name.
    const succeeded = await clients.owner.lever.transfers.query({ status: "succeeded" });
    expect(succeeded.find((t) => t.id === transferId)?.hrisRecord).toEqual({ id: "zen-1", hrisName: "Zenefits" });
    await expectTrpcError(clients.owner.lever.retryTransfer.mutate({ transferId }), "CONFLICT");
    await expectTrpcError(clients.otherOwner.lever.retryTransfer.mutate({ transferId }), "NOT_FOUND");
    await expectTrpcError(clients.member.lever.retryTransfer.mutate({ transferId }), "FORBIDDEN");
  });
});

describe("Send to Zenefits", () => {
  let offer: { id: string; remoteId: string };
  beforeAll(async () => {
    offer = await insertCandidate(api.deps.db, fx.organisationId, connectionId, { name: "Otto Offer", status: "offer" });
  });

  const setMode = (offersMode: "zenefits" | "lever") =>
    clients.owner.lever.save.mutate({ enabled: true, credentials: {}, contactUserId: null, offersMode });

  it("in Zenefits offers mode: queues a manual export for an Offer candidate; a non-Offer candidate is refused", async () => {
    await setMode("zenefits");
    expect(await clients.admin.lever.sendToZenefits.mutate({ candidateId: offer.id })).toEqual({
      candidateId: offer.id,
      queued: true,
    });
    const jobs = await jobsWithKey(exportJobKey(connectionId, offer.remoteId));
    expect(jobs).toEqual([expect.objectContaining({ payload: expect.objectContaining({ trigger: "manual" }) })]);
    // Twice is still one job for the candidate.
    await clients.owner.lever.sendToZenefits.mutate({ candidateId: offer.id });
    expect(await jobsWithKey(exportJobKey(connectionId, offer.remoteId))).toHaveLength(1);

    const active = await insertCandidate(api.deps.db, fx.organisationId, connectionId, { name: "Ann Active", status: "active" });
    await expectTrpcError(
      clients.owner.lever.sendToZenefits.mutate({ candidateId: active.id }),
      "PRECONDITION_FAILED",
      /Offer stage/,
    );
    await expectTrpcError(clients.member.lever.sendToZenefits.mutate({ candidateId: offer.id }), "FORBIDDEN");
  });

  it("in Lever offers mode: refused, no job queued, and no row offers the button", async () => {
    await setMode("lever");
    await sql`select graphile_worker.remove_job(${exportJobKey(connectionId, offer.remoteId)})`.execute(api.deps.db);
    await expectTrpcError(
      clients.owner.lever.sendToZenefits.mutate({ candidateId: offer.id }),
      "PRECONDITION_FAILED",
      /Offers are handled in Lever/,
    );
    expect(await jobsWithKey(exportJobKey(connectionId, offer.remoteId))).toEqual([]);
    const page = await clients.owner.lever.candidates.query({ status: "offer" });
    expect(page.offersMode).toBe("lever");
    expect(page.candidates.length).toBeGreaterThan(0);
    expect(page.candidates.every((c) => !c.sendToZenefitsOffered)).toBe(true);
    const audit = await api.deps.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("target_id", "=", connectionId)
      .where("action", "=", "connection.lever_setup_saved")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ offersMode: "lever", offersModeChanged: true, credentialsChanged: [] });
  });

  it("turning the integration off stops syncs and exports; turning it on syncs again", async () => {
    await clients.owner.lever.save.mutate({ enabled: false, credentials: {}, contactUserId: null, offersMode: "zenefits" });
    const off = await api.deps.db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
    expect(off).toMatchObject({ status: "disabled", disabled_reason: "Turned off in Settings → Integrations → Lever" });
    expect(await jobsWithKey(`sync:${connectionId}`)).toEqual([]);
    const page = await clients.owner.lever.candidates.query({ status: "offer" });
    expect(page.exportsEnabled).toBe(false);
    expect(page.candidates.every((c) => !c.sendToZenefitsOffered)).toBe(true);
    await expectTrpcError(
      clients.owner.lever.sendToZenefits.mutate({ candidateId: offer.id }),
      "PRECONDITION_FAILED",
      /turned off/,
    );

    await clients.owner.lever.save.mutate({ enabled: true, credentials: {}, contactUserId: null, offersMode: "zenefits" });
    const on = await api.deps.db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
    expect(on).toMatchObject({ status: "active", disabled_reason: null });
    expect(await jobsWithKey(`sync:${connectionId}`)).toHaveLength(1);
  });

  it("a candidate already sent: no button, the send shown to those who may see it, and Send to Zenefits refused with when", async () => {
    // Tried: an Offer candidate sent at the offer step on 3 Nov and one sent as a hire (its row still
    // "offer" until the next sync), in Zenefits offers mode; the page for the owner and a member;
    // Send to Zenefits for both. Must hold: neither row offers the button; the owner sees each
    // send's stage and date, the member sees no such key; both presses are refused with CONFLICT
    // naming the date and the stage; no job is queued.
    const sentOn = new Date("2026-11-03T09:30:00Z");
    const atOffer = await insertCandidate(api.deps.db, fx.organisationId, connectionId, { name: "Sid Sent", status: "offer" });
    const hired = await insertCandidate(api.deps.db, fx.organisationId, connectionId, { name: "Hal Hired", status: "offer" });
    await insertTransfer(api.deps.db, fx.organisationId, connectionId, atOffer.remoteId, {
      status: "succeeded",
      stage: "offer",
      succeededAt: sentOn,
    });
    await insertTransfer(api.deps.db, fx.organisationId, connectionId, hired.remoteId, {
      status: "succeeded",
      succeededAt: sentOn,
    });

    const owner = await clients.owner.lever.candidates.query({ status: "offer" });
    const row = (id: string) => owner.candidates.find((c) => c.id === id)!;
    expect(row(offer.id).sendToZenefitsOffered, "a candidate never sent still has the button").toBe(true);
    expect(row(atOffer.id)).toMatchObject({
      sendToZenefitsOffered: false,
      sentToZenefits: { stage: "offer", at: sentOn.toISOString() },
    });
    expect(row(hired.id)).toMatchObject({
      sendToZenefitsOffered: false,
      sentToZenefits: { stage: "hired", at: sentOn.toISOString() },
    });
    const member = await clients.member.lever.candidates.query({ status: "offer" });
    const memberRow = member.candidates.find((c) => c.id === hired.id)!;
    expect(memberRow.sendToZenefitsOffered).toBe(false);
    expect("sentToZenefits" in memberRow).toBe(false);

    await expectTrpcError(
      clients.owner.lever.sendToZenefits.mutate({ candidateId: atOffer.id }),
      "CONFLICT",
      /Already sent to Zenefits at the offer step on 2026-11-03/,
    );
    await expectTrpcError(
      clients.admin.lever.sendToZenefits.mutate({ candidateId: hired.id }),
      "CONFLICT",
      /Already sent to Zenefits as a hire on 2026-11-03/,
    );
    expect(await jobsWithKey(exportJobKey(connectionId, atOffer.remoteId))).toEqual([]);
    expect(await jobsWithKey(exportJobKey(connectionId, hired.remoteId))).toEqual([]);
  });

  it("a candidate of another organisation is not found", async () => {
    const other = await createOrgFixture(api.deps.db);
    const { trpc, jar } = api.client();
    jar.cookies.set(SESSION_COOKIE, await insertSession(api.deps.db, other.users.owner.id, other.organisationId));
    await expectTrpcError(trpc.lever.sendToZenefits.mutate({ candidateId: offer.id }), "NOT_FOUND");
    expect((await trpc.lever.candidates.query({})).connected).toBe(false);
  });
});

describe("secrets", () => {
  it("no secret came back in any response or log line", () => {
    const everything = [...api.responses, ...logLines].join("\n");
    for (const secret of secrets()) expect(everything).not.toContain(secret);
  });
});
