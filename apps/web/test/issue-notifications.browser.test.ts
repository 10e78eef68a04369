import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import { createEndpoint, emitEvent } from "@roster/webhooks";
import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";

/**
 * Issue state changes leave Roster as signed issue.opened / issue.resolved webhooks (to a real
 * HTTP receiver on loopback) and as emails to the owners (through the worker's real SMTP, into
 * the mail catcher), unless the same change already emailed. A customer endpoint that keeps
 * refusing deliveries opens "Webhook endpoint failing"; a delivery that gets through resolves it.
 */
const stack = stackForFile({ zenefits: { people: 10, seed: 4 }, worker: true });
const sim = () => stack().zenefits!;
const mail = () => stack().worker!.mail;
const owner = DEMO_USERS.find((u) => u.role === "owner")!;

interface Received {
  path: string;
  status: number;
  body: string;
  headers: Record<string, string>;
}
const received: Received[] = [];
/** The customer's second endpoint answers 500 while this is set. */
let refuse = true;
let receiver: http.Server;
let baseUrl: string;
let issuesSecret: string;
let organisationId: string;
let page: Page;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const status = req.url === "/flaky" && refuse ? 500 : 200;
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ path: req.url ?? "", status, body, headers: req.headers as Record<string, string> });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  await seedDemo(stack().db);
  organisationId = (await stack().db.selectFrom("organisations").select("id").executeTakeFirstOrThrow()).id;
  const key = stack().deps.config.ENCRYPTION_KEY!;
  const actor = { organisationId, userId: null };
  issuesSecret = (
    await createEndpoint(stack().db, key, actor, { url: `${baseUrl}/issues`, events: ["issue.opened", "issue.resolved"] })
  ).secret;
  await createEndpoint(stack().db, key, actor, { url: `${baseUrl}/flaky`, events: ["sync.succeeded"] });
});
afterAll(async () => {
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

/** The issue events the healthy endpoint received, verified against its signing secret. */
function issueEvents(): { type: string; data: Record<string, unknown> }[] {
  return received
    .filter((r) => r.path === "/issues")
    .map((r) => new Webhook(issuesSecret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> });
}

const issueEmails = () =>
  mail()
    .messages()
    .filter((m) => /^Issue (opened|resolved)/.test(m.subject));

describe("issue notifications: webhooks and emails", () => {
  it("a rejected token goes out as issue.opened, and a rotation as issue.resolved; the sync emails already said so", async () => {
    // Tried: connect, revoke the token, Sync now; then rotate and Sync now. Holds: the receiver got
    // both events (signed, naming the problem); the owner got the failure and restored emails,
    // and no second email about the same change.
    page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    const token = sim().createToken();
    await page.goto("/settings/integrations/zenefits");
    await page.getByLabel("Access token").fill(token);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });
    sim().revokeToken(token);
    await page.getByRole("button", { name: "Sync now" }).click();

    await expect.poll(() => issueEvents().map((e) => e.type), { timeout: 30_000 }).toEqual(["issue.opened"]);
    const [opened] = issueEvents();
    const issue = await stack().db.selectFrom("integration_issues").select(["id", "connection_id"]).executeTakeFirstOrThrow();
    expect(opened!.data).toMatchObject({ issue_id: issue.id, connection_id: issue.connection_id, problem: "token_rejected" });
    expect(opened!.data.title).toBe("Token rejected");
    await mail().waitFor((m) => m.to.includes(owner.email) && /fail/i.test(m.subject), 30_000);

    await page.goto("/settings/integrations/zenefits#rotate");
    await page.getByLabel("New access token").fill(sim().createToken());
    await page.getByRole("button", { name: "Replace credentials" }).click();
    await page.getByText("Credentials replaced.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect.poll(() => issueEvents().map((e) => e.type), { timeout: 30_000 }).toEqual(["issue.opened", "issue.resolved"]);
    expect(issueEvents()[1]!.data).toMatchObject({ issue_id: issue.id, problem: "token_rejected" });
    expect(issueEvents()[1]!.data.resolved_at).not.toBeNull();
    await mail().waitFor((m) => m.to.includes(owner.email) && /restored/i.test(m.subject), 30_000);
    // Both changes were already emailed (the failure, the recovery): no issue email repeats them.
    const outbox = await stack().db.selectFrom("email_outbox").select("kind").execute();
    expect(outbox.map((e) => e.kind)).not.toContain("issue_opened");
    expect(issueEmails()).toEqual([]);
  });

  it("an endpoint that keeps refusing deliveries opens an issue, emailed with a link to the webhook settings", async () => {
    // Tried: an event for the endpoint that answers 500, retried by the worker. Holds: after
    // three refusals one "Webhook endpoint failing" issue is open, the owner is emailed what to
    // do with a link to the webhook settings, the healthy endpoint got issue.opened, and the
    // issues page links to the settings.
    await stack()
      .db.transaction()
      .execute((trx) => emitEvent(trx, { organisationId, connectionId: null, type: "sync.succeeded", data: { counts: {} } }));
    const email = await mail().waitFor((m) => m.subject.startsWith("Issue opened: Webhook endpoint failing"), 60_000);
    expect(email.to).toEqual([owner.email]);
    expect(email.subject).toBe(`Issue opened: Webhook endpoint failing — the webhook endpoint ${baseUrl}/flaky`);
    expect(email.text).toMatch(/What to do: Your webhook endpoint keeps refusing Roster's deliveries/);
    expect(email.text).toContain(`Open the webhook settings: ${stack().webUrl}/settings/developers/webhooks`);
    expect(email.text).toMatch(/Last seen: HTTP 500/);
    expect(received.filter((r) => r.path === "/flaky").length).toBeGreaterThanOrEqual(3);
    const open = await stack()
      .db.selectFrom("integration_issues")
      .select(["problem", "connection_id", "webhook_endpoint_id", "resolved_at"])
      .where("problem", "=", "webhook_failing")
      .execute();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ connection_id: null, resolved_at: null });
    await expect.poll(() => issueEvents().at(-1)?.data.problem, { timeout: 30_000 }).toBe("webhook_failing");
    expect(issueEvents().at(-1)!.data.webhook_endpoint_id).toBe(open[0]!.webhook_endpoint_id);

    await page.goto("/settings/issues");
    const item = page.getByTestId("issue").filter({ hasText: "Webhook endpoint failing" });
    await item.waitFor();
    expect(await item.textContent()).toContain(`Webhook endpoint ${baseUrl}/flaky`);
    await screenshot(page, "issues-webhook-endpoint-failing");
    await item.getByRole("link", { name: "Open the webhook settings" }).click();
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
  });

  it("a delivery that gets through resolves it, and the owner is told", async () => {
    // Tried: the endpoint answers 200 again and a new event reaches it (on its own ordering key,
    // so it does not wait behind the refused one). Holds: the issue is resolved, an "Issue
    // resolved" email and an issue.resolved event went out.
    refuse = false;
    await stack()
      .db.transaction()
      .execute((trx) =>
        emitEvent(trx, {
          organisationId,
          connectionId: null,
          type: "sync.succeeded",
          orderingKey: "later",
          data: { counts: {} },
        }),
      );
    const email = await mail().waitFor((m) => m.subject.startsWith("Issue resolved: Webhook endpoint failing"), 60_000);
    expect(email.to).toEqual([owner.email]);
    const [issue] = await stack()
      .db.selectFrom("integration_issues")
      .select("resolved_at")
      .where("problem", "=", "webhook_failing")
      .execute();
    expect(issue!.resolved_at).not.toBeNull();
    await expect
      .poll(() => issueEvents().filter((e) => e.type === "issue.resolved" && e.data.problem === "webhook_failing").length, {
        timeout: 30_000,
      })
      .toBe(1);
    expect(issueEmails().map((m) => m.subject.split(":")[0])).toEqual(["Issue opened", "Issue resolved"]);
  });
});
