import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import { emitEvent } from "@roster/webhooks";
import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";

/**
 * Settings → Webhooks in a real browser with the real worker: the owner adds an endpoint (a
 * receiver on loopback), copies the secret shown once; an event is delivered, signed (checked
 * with the standardwebhooks library), first refused with 500 and then accepted on the retry;
 * the delivery log shows it, and Resend sends it again.
 */
const stack = stackForFile({ worker: true });
const [owner] = DEMO_USERS;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });

const received: { id: string; status: number; body: string; headers: Record<string, string> }[] = [];
let receiver: http.Server;
let receiverUrl: string;
beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const id = String(req.headers["webhook-id"]);
      const status = received.some((r) => r.id === id) ? 200 : 500;
      received.push({ id, status, body: Buffer.concat(chunks).toString("utf8"), headers: req.headers as Record<string, string> });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/roster`;
});
afterAll(async () => {
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("webhooks in a real browser", () => {
  it("an endpoint added in Settings receives signed events, retried after a 500; the log shows them and Resend resends", async () => {
    await seedDemo(stack().db);
    const page = await stack().newPage();
    await signIn(page, owner!.email, DEMO_PASSWORD);
    await page.getByTestId("nav-settings").getByRole("link", { name: "Webhooks" }).click();
    await heading(page, "Webhooks").waitFor();

    await page.getByLabel("Endpoint URL").fill("not a url");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText("A full URL").waitFor();

    await page.getByLabel("Endpoint URL").fill(receiverUrl);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await page.getByTestId("secret-value").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText(receiverUrl, { exact: true }).waitFor();

    // A sync.succeeded event, written as the worker's policy writes it: in a transaction.
    const organisation = await stack().db.selectFrom("organisations").select("id").executeTakeFirstOrThrow();
    await stack()
      .db.transaction()
      .execute((trx) =>
        emitEvent(trx, { organisationId: organisation.id, connectionId: null, type: "sync.succeeded", data: { counts: {} } }),
      );
    await expect.poll(() => received.filter((r) => r.status === 200).length, { timeout: 30_000 }).toBe(1);
    const accepted = received.find((r) => r.status === 200)!;
    const payload = new Webhook(secret).verify(accepted.body, accepted.headers) as { type: string };
    expect(payload.type).toBe("sync.succeeded");

    await page.getByRole("button", { name: "Delivery log" }).click();
    const row = page.getByRole("table", { name: "Delivery log" }).getByTestId("delivery-row").first();
    await row.getByText("delivered").waitFor();
    expect(await row.textContent()).toMatch(/sync\.succeeded[\s\S]*delivered[\s\S]*2[\s\S]*200/);
    await screenshot(page, "webhooks-delivery-log");

    await row.getByRole("button", { name: /^Resend/ }).click();
    await expect.poll(() => received.filter((r) => r.status === 200).length, { timeout: 30_000 }).toBe(2);
    expect(new Set(received.map((r) => r.id)).size).toBe(1);
    // The secret is not on the page once dismissed, nor in any later answer.
    await page.getByRole("button", { name: "Done" }).click();
    await page.reload();
    await heading(page, "Webhooks").waitFor();
    expect(await page.content()).not.toContain(secret);
  });
});
