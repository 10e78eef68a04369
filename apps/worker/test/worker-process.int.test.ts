import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { enqueueEmail, type MailCatcher, startMailCatcher } from "@roster/email";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation } from "./helpers/fixtures";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

let testDb: TestDatabase;
let catcher: MailCatcher;
let child: ChildProcess | undefined;
let output = "";
beforeAll(async () => {
  testDb = await createTestDatabase();
  catcher = await startMailCatcher({ port: 0 });
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await catcher.stop();
  await testDb.drop();
});

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    if (child?.exitCode !== null) throw new Error(`worker exited (${child?.exitCode}) while waiting for ${what}:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; worker output:\n${output}`);
}

describe("the worker process", () => {
  it("starts, writes its heartbeat, delivers an email, and exits 0 promptly on SIGTERM", async () => {
    // Tried: `tsx apps/worker/src/main.ts` against a test database and a real SMTP catcher;
    // enqueue an email while it runs; then SIGTERM. Must hold: a worker_heartbeats row
    // appears, the email arrives through the running worker (LISTEN/NOTIFY, no polling wait),
    // and the process exits with code 0 within 10 s, removing its heartbeat row.
    child = spawn(tsx, ["apps/worker/src/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: testDb.url,
        ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
        SMTP_URL: catcher.smtpUrl,
        SANDBOX: "false",
        LOG_LEVEL: "info",
        NODE_ENV: "test",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });

    const heartbeat = await waitUntil(
      "a heartbeat row",
      () => testDb.db.selectFrom("worker_heartbeats").selectAll().executeTakeFirst(),
      30_000,
    );
    expect(heartbeat.worker_id).toMatch(/:\d+$/);

    const organisationId = await createOrganisation(testDb.db);
    await testDb.db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        organisationId,
        kind: "invite",
        to: ["ada@acme.test"],
        subject: "Live delivery",
        text: "t",
        html: "h",
      }),
    );
    expect((await catcher.waitFor((m) => m.subject === "Live delivery", 10_000)).to).toEqual(["ada@acme.test"]);

    const signalledAt = Date.now();
    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    const code = await exited;
    expect(code, output).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    expect(await testDb.db.selectFrom("worker_heartbeats").selectAll().execute()).toEqual([]);
    expect(output).toContain("worker stopped");
  });
});
