import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { type MailCatcher, startMailCatcher } from "@roster/email";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltProcess, startApi, startBuilt, startWorker, stopGracefully } from "./helpers/processes";

let database: TestDatabase;
let sim: ZenefitsSim;
let catcher: MailCatcher;
let folder: string;
const started: BuiltProcess[] = [];
const encryptionKey = generateEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 12, seed: 3 });
  catcher = await startMailCatcher({ port: 0 });
  folder = mkdtempSync(path.join(os.tmpdir(), "roster-request-id-"));
});
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  rmSync(folder, { recursive: true, force: true });
  await catcher?.stop();
  await sim?.close();
  await database?.drop();
});

/** `roster org create` with an owner who signs in with `password`; the organisation's id. */
async function createOrganisation(email: string, password: string): Promise<string> {
  const passwordFile = path.join(folder, "owner.pw");
  writeFileSync(passwordFile, password, { mode: 0o600 });
  const cli = startBuilt(["org", "create", "Traced", "--owner-email", email, "--owner-password-file", passwordFile, "--json"], {
    DATABASE_URL: database.url,
    NO_COLOR: "1",
  });
  expect((await cli.exited).code).toBe(0);
  const output = cli.output();
  return JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1)).organisationId;
}

/** A Zenefits connection on the simulator, synced a moment ago, so nothing but a request syncs it. */
async function createConnection(organisationId: string): Promise<string> {
  const row = await database.db
    .insertInto("connections")
    .values({
      organisation_id: organisationId,
      connector_id: "zenefits",
      display_name: "Zenefits",
      credentials_encrypted: "set below, bound to the row",
      last_sync_at: new Date(),
      next_sync_at: new Date(Date.now() + 24 * 3_600_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await database.db
    .updateTable("connections")
    .set({ credentials_encrypted: encryptJson({ accessToken: sim.createToken(), baseUrl: sim.url }, encryptionKey, row.id) })
    .where("id", "=", row.id)
    .execute();
  return row.id;
}

/** A tRPC mutation over HTTP, as the dashboard sends it. */
async function mutation(apiUrl: string, procedure: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${apiUrl}/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  });
}

const logLines = (p: BuiltProcess) =>
  p
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("a request id from the API to the sync run", () => {
  it("carries the caller's X-Request-Id from “Sync now” into the job, every log line of the sync, and the run", {
    timeout: 60_000,
  }, async () => {
    // Tried: the built API and worker as processes; an owner signs in and presses "Sync now"
    // (connections.syncNow over HTTP) with `X-Request-Id: trace-…`; other requests with no id and
    // with an unusable one. Must hold: the API answers with the same id and logs it with the
    // request; the sync run it causes has that request_id; the worker's lines about that sync
    // (the task's and the sync engine's) carry it; a request without an id gets a fresh UUID
    // back, and an unusable id (too long, or with spaces) is replaced, not echoed.
    const email = "owner@traced.test";
    const password = "a long enough password";
    const organisationId = await createOrganisation(email, password);
    const connectionId = await createConnection(organisationId);
    const env = {
      DATABASE_URL: database.url,
      ENCRYPTION_KEY: encryptionKey,
      PUBLIC_URL: "https://roster.example",
      SMTP_URL: catcher.smtpUrl,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
    };
    const [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    started.push(api.process, worker.process);

    const signIn = await mutation(api.url, "auth.signIn", { email, password });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    expect(signIn.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const requestId = `trace-${Date.now()}`;
    const pressed = await mutation(api.url, "connections.syncNow", { connectionId }, { cookie, "x-request-id": requestId });
    expect(pressed.status).toBe(200);
    expect(pressed.headers.get("x-request-id")).toBe(requestId);

    const run = await waitForRun(connectionId);
    expect({ status: run.status, trigger: run.trigger, requestId: run.request_id }).toEqual({
      status: "succeeded",
      trigger: "manual",
      requestId,
    });

    // The API's line for the request, and the worker's lines for the sync, name the same id.
    expect(logLines(api.process).some((l) => l.requestId === requestId && l.msg === "sync requested")).toBe(true);
    await worker.process.waitForLog("the sync's last line", (l) =>
      l.requestId === requestId && l.msg === "sync finished" ? true : undefined,
    );
    const workerLines = logLines(worker.process).filter((l) => l.connectionId === connectionId);
    // The engine's own lines (from its start to its outcome) as well as the task's.
    expect(workerLines.map((l) => l.msg)).toEqual(expect.arrayContaining(["starting sync", "sync succeeded", "sync finished"]));
    expect(workerLines.filter((l) => l.requestId !== requestId)).toEqual([]);

    // No id, or one not fit for a log line: a fresh one is made.
    const unusable = "not an id ".repeat(20);
    const unnamed = await fetch(`${api.url}/readyz`, { headers: { "x-request-id": unusable } });
    expect(unnamed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const exits = await Promise.all([api.process, worker.process].map((p) => stopGracefully(p)));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
  });
});

async function waitForRun(connectionId: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const run = await database.db
      .selectFrom("sync_runs")
      .select(["status", "trigger", "request_id"])
      .where("connection_id", "=", connectionId)
      .where("status", "!=", "running")
      .executeTakeFirst();
    if (run) return run;
    if (Date.now() > deadline) throw new Error("no finished sync run");
    await new Promise((r) => setTimeout(r, 200));
  }
}
