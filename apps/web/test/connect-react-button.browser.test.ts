import type http from "node:http";
import type { AddressInfo } from "node:net";
import { createHostApp } from "@roster/example-embedded-connect";
import { createPlatformKey, ORGANISATION_HEADER } from "@roster/public-api";
import { expect, it } from "vitest";
import { screenshot, stackForFile } from "./harness/index";

/**
 * examples/embedded-connect as a product runs it: its React page (bundled by esbuild) with
 * @roster/connect-react's <RosterConnectButton>, its backend holding a platform key. The
 * customer's admin connects Zenefits inside the overlay; the button resolves with the connection.
 */
const stack = stackForFile({ zenefits: { people: 15, seed: 13 }, worker: true });

it("host page → <RosterConnectButton> → embedded connect → Zenefits verify → connect → the page shows the connection id → first sync through the API", async () => {
  // Tried: click the button, choose Zenefits in the frame, verify the simulator's token, connect.
  // Must hold: the overlay frame is the link's page; the host page shows "Connected: <id>" from the
  // button's promise and the overlay is gone; the connection is the customer's organisation's
  // (external_ref cust-1); the product's platform key reads the first sync's employees.
  const { key } = await createPlatformKey(stack().db, { name: "feedbackly" });
  let hostUrl = "";
  const host: http.Server = await createHostApp({ rosterUrl: stack().apiUrl, platformKey: key, origin: () => hostUrl });
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  try {
    const page = await stack().newPage();
    await page.goto(hostUrl);
    await page.getByRole("button", { name: "Connect your HR system" }).click();
    const frame = page.frameLocator('iframe[title="Connect your HR system"]');
    await frame.getByRole("list", { name: "HR systems" }).getByRole("button", { name: "Zenefits" }).click();
    await frame.getByLabel("Access token").fill(stack().zenefits!.defaultToken);
    await frame.getByRole("button", { name: "Verify" }).click();
    await frame.getByText(/permissions granted/).waitFor();
    await screenshot(page, "connect-react-button-verified");
    await frame.getByRole("button", { name: "Connect", exact: true }).click();

    const result = page.getByTestId("result").filter({ hasText: /^Connected: [0-9a-f-]{36}$/ });
    await result.waitFor();
    const connectionId = ((await result.textContent()) ?? "").replace("Connected: ", "");
    expect(await page.locator("iframe").count()).toBe(0);
    const organisation = await stack()
      .db.selectFrom("connections as c")
      .innerJoin("organisations as o", "o.id", "c.organisation_id")
      .select(["o.id", "o.external_ref", "c.connector_id"])
      .where("c.id", "=", connectionId)
      .executeTakeFirstOrThrow();
    expect(organisation).toMatchObject({ external_ref: "cust-1", connector_id: "zenefits" });

    await expect
      .poll(
        async () => {
          const answer = await fetch(`${stack().apiUrl}/api/v1/employees?page_size=100&connection_id=${connectionId}`, {
            headers: { authorization: `Bearer ${key}`, [ORGANISATION_HEADER]: organisation.id },
          });
          return ((await answer.json()) as { data?: unknown[] }).data?.length ?? 0;
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBeGreaterThan(0);
  } finally {
    host.closeAllConnections();
    await new Promise((resolve) => host.close(resolve));
  }
});
