import { readFile } from "node:fs/promises";
import http from "node:http";
import { stripTypeScriptTypes } from "node:module";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createApiKey } from "@roster/public-api";
import { describe, expect, it } from "vitest";
import { screenshot, stackForFile } from "./harness/index";

/**
 * A product embedding Roster: its own page (another origin) sends a customer's admin to a
 * connect link; the admin verifies a Zenefits token against the simulator, sees the checklist,
 * connects, and lands back on the product with the connection id; the worker's first sync is
 * then readable through the public API with the product's key.
 */
const stack = stackForFile({ zenefits: { people: 20, seed: 5 }, bamboohr: { employees: 20, seed: 5 }, worker: true });

/** The host product: a page linking to the connect URL, and the return page showing what came back. */
async function startHostProduct(): Promise<{ url: string; setConnectUrl(url: string): void; close(): Promise<void> }> {
  let connectUrl = "";
  // @roster/connect-react's dependency-free opener, as a host page would load it (compiled, not bundled).
  const openerSource = await readFile(
    path.resolve(import.meta.dirname, "../../../packages/connect-react/src/open-connect.ts"),
    "utf8",
  );
  const opener = stripTypeScriptTypes(openerSource);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://host");
    if (url.pathname === "/open-connect.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      res.end(opener);
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    if (url.pathname === "/embedded") {
      res.end(`<!doctype html><title>Feedbackly</title><h1>Settings</h1>
<button id="connect">Connect your HRIS here</button><p data-testid="result"></p>
<script type="module">
  import { openRosterConnect } from "/open-connect.js";
  document.getElementById("connect").addEventListener("click", async () => {
    const result = await openRosterConnect(${JSON.stringify(connectUrl)});
    document.querySelector("[data-testid=result]").textContent = result.connectionId;
  });
</script>`);
      return;
    }
    if (url.pathname === "/done") {
      const id = url.searchParams.get("connection_id") ?? "";
      const connector = url.searchParams.get("connector_id") ?? "";
      res.end(
        `<!doctype html><title>Done</title><h1>HRIS connected</h1><p data-testid="connection-id">${id.replace(/[^0-9a-f-]/g, "")}</p>` +
          `<p data-testid="connector-id">${connector.replace(/[^a-z0-9-]/g, "")}</p>`,
      );
      return;
    }
    res.end(`<!doctype html><title>Feedbackly</title><h1>Settings</h1><a href="${connectUrl}">Connect your HRIS</a>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setConnectUrl(url) {
      connectUrl = url;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** POST /api/v1/connect-links with the product's key, as its backend does; 201 expected. */
async function createLink(key: string, body: Record<string, unknown>): Promise<{ url: string }> {
  const created = await fetch(`${stack().apiUrl}/api/v1/connect-links`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(created.status).toBe(201);
  return (await created.json()) as { url: string };
}

describe("connect link in a real browser", () => {
  it("host page → connect page → verify with the Zenefits simulator → connect → back to the host with the connection id → first sync through the API", async () => {
    // Tried: the whole flow with the simulator's token, no Roster account or session anywhere.
    // Must hold: the page shows the product's brand; the checklist appears after Verify; the host's
    // return page receives the id of a connection in the link's organisation; the link cannot be
    // opened again; the first sync's employees are readable with the product's API key.
    const { db } = stack();
    const org = await db.insertInto("organisations").values({ name: "Customer Co" }).returning("id").executeTakeFirstOrThrow();
    const { key } = await createApiKey(
      db,
      { organisationId: org.id, userId: null },
      {
        name: "feedbackly",
        scopes: ["connections:manage", "connections:read", "directory:read"],
      },
    );
    const host = await startHostProduct();
    try {
      const link = await createLink(key, {
        connector_id: "zenefits",
        return_url: `${host.url}/done`,
        brand: { name: "Feedbackly", colour: "#7a3db8" },
      });
      expect(link.url.startsWith(stack().webUrl)).toBe(true);
      host.setConnectUrl(link.url);

      const page = await stack().newPage();
      await page.goto(host.url);
      await page.getByRole("link", { name: "Connect your HRIS" }).click();
      await page.getByRole("heading", { level: 1, name: "Connect Zenefits" }).waitFor();
      await page.getByText("Feedbackly", { exact: true }).waitFor();
      await page.getByLabel("Access token").fill(stack().zenefits!.defaultToken);
      await page.getByLabel("Notification email").fill("hr@customer.test");
      await page.getByRole("button", { name: "Verify" }).click();
      const checklist = page.getByRole("region", { name: "Permissions" });
      await checklist.getByText(/permissions granted/).waitFor();
      expect(await checklist.getByRole("listitem").count()).toBeGreaterThan(0);
      await screenshot(page, "connect-link-verified");
      await page.getByRole("button", { name: "Connect", exact: true }).click();

      await page.waitForURL((url) => url.href.startsWith(`${host.url}/done`));
      const connectionId = (await page.getByTestId("connection-id").textContent()) ?? "";
      const connection = await db
        .selectFrom("connections")
        .select(["organisation_id", "notification_email"])
        .where("id", "=", connectionId)
        .executeTakeFirstOrThrow();
      expect(connection).toEqual({ organisation_id: org.id, notification_email: "hr@customer.test" });

      await page.goto(link.url);
      await page.getByText("This connect link was already used. Ask for a new one.").waitFor();

      // The worker runs the first sync; the product then reads the directory with its key.
      await expect
        .poll(
          async () => {
            const answer = await fetch(`${stack().apiUrl}/api/v1/employees?page_size=100`, {
              headers: { authorization: `Bearer ${key}` },
            });
            return ((await answer.json()) as { data?: unknown[] }).data?.length ?? 0;
          },
          { timeout: 60_000, interval: 250 },
        )
        .toBeGreaterThan(0);
    } finally {
      await host.close();
    }
  });

  it("a link offering BambooHR and Zenefits: the page asks which, then runs the chosen one's own flow", async () => {
    // Tried: a link with connector_ids [bamboohr, zenefits]; the admin sees the choice (names and
    // logos), picks Zenefits, goes back, picks BambooHR, fills BambooHR's own fields with the
    // simulator's company and key, verifies, connects. Must hold: both offered with their manifest
    // logos; Zenefits' form asks for a token, BambooHR's for a company domain and an API key; the
    // host gets the connection id and connector_id=bamboohr; the connection is BambooHR's, in the
    // link's organisation; the link is spent.
    const { db } = stack();
    const org = await db.insertInto("organisations").values({ name: "Choosy Co" }).returning("id").executeTakeFirstOrThrow();
    const { key } = await createApiKey(
      db,
      { organisationId: org.id, userId: null },
      { name: "feedbackly", scopes: ["connections:manage"] },
    );
    const host = await startHostProduct();
    try {
      const link = await createLink(key, {
        connector_ids: ["bamboohr", "zenefits"],
        return_url: `${host.url}/done`,
        brand: { name: "Feedbackly" },
      });

      const page = await stack().newPage();
      await page.goto(link.url);
      await page.getByRole("heading", { level: 1, name: "Connect your HR system" }).waitFor();
      const choices = page.getByRole("list", { name: "HR systems" });
      expect(await choices.getByRole("button").allTextContents()).toEqual(["BambooHR", "Zenefits"]);
      for (const src of await choices.locator("img").evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src))) {
        expect(src).toMatch(/^data:image\/svg\+xml,/);
      }
      await screenshot(page, "connect-link-choice");

      await choices.getByRole("button", { name: "Zenefits" }).click();
      await page.getByRole("heading", { level: 1, name: "Connect Zenefits" }).waitFor();
      expect(await page.getByLabel("Access token").count()).toBe(1);
      await page.getByRole("button", { name: "Choose another HR system" }).click();
      await page.getByRole("list", { name: "HR systems" }).getByRole("button", { name: "BambooHR" }).click();
      await page.getByRole("heading", { level: 1, name: "Connect BambooHR" }).waitFor();
      expect(await page.getByLabel("Access token").count()).toBe(0);
      await page.getByLabel("Company domain").fill(stack().bamboohr!.companyDomain);
      await page.getByLabel("API key").fill(stack().bamboohr!.apiKey);
      await page.getByRole("button", { name: "Verify" }).click();
      await page
        .getByRole("region", { name: "Permissions" })
        .getByText(/permissions granted/)
        .waitFor();
      await page.getByRole("button", { name: "Connect", exact: true }).click();

      await page.waitForURL((url) => url.href.startsWith(`${host.url}/done`));
      expect(await page.getByTestId("connector-id").textContent()).toBe("bamboohr");
      const connectionId = (await page.getByTestId("connection-id").textContent()) ?? "";
      const connection = await db
        .selectFrom("connections")
        .select(["organisation_id", "connector_id"])
        .where("id", "=", connectionId)
        .executeTakeFirstOrThrow();
      expect(connection).toEqual({ organisation_id: org.id, connector_id: "bamboohr" });
      await page.goto(link.url);
      await page.getByText("This connect link was already used. Ask for a new one.").waitFor();
    } finally {
      await host.close();
    }
  });

  it("embedded: the host page opens the link in an iframe with @roster/connect-react's opener and receives the connection id", async () => {
    // Tried: a link allowing the host's origin, opened in the overlay iframe; the admin verifies and
    // connects inside the frame. Must hold: the host page's promise resolves with the id of a
    // connection in the link's organisation, and the overlay is gone.
    const { db } = stack();
    const org = await db.insertInto("organisations").values({ name: "Embedded Co" }).returning("id").executeTakeFirstOrThrow();
    const { key } = await createApiKey(
      db,
      { organisationId: org.id, userId: null },
      {
        name: "feedbackly",
        scopes: ["connections:manage"],
      },
    );
    const host = await startHostProduct();
    try {
      host.setConnectUrl(
        (await createLink(key, { connector_id: "zenefits", return_url: `${host.url}/done`, allowed_origins: [host.url] })).url,
      );

      const page = await stack().newPage();
      await page.goto(`${host.url}/embedded`);
      await page.getByRole("button", { name: "Connect your HRIS here" }).click();
      const frame = page.frameLocator('iframe[title="Connect your HR system"]');
      await frame.getByLabel("Access token").fill(stack().zenefits!.defaultToken);
      await frame.getByRole("button", { name: "Verify" }).click();
      await frame.getByText(/permissions granted/).waitFor();
      await frame.getByRole("button", { name: "Connect", exact: true }).click();

      const result = page.getByTestId("result");
      await result.filter({ hasText: /^[0-9a-f-]{36}$/ }).waitFor();
      const connectionId = (await result.textContent()) ?? "";
      const connection = await db
        .selectFrom("connections")
        .select("organisation_id")
        .where("id", "=", connectionId)
        .executeTakeFirstOrThrow();
      expect(connection.organisation_id).toBe(org.id);
      expect(await page.locator("iframe").count()).toBe(0);
    } finally {
      await host.close();
    }
  });
});
