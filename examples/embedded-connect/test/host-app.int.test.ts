import http from "node:http";
import type { AddressInfo } from "node:net";
import { bamboohr } from "@roster/connector-bamboohr";
import { zenefits } from "@roster/connector-zenefits";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { createPlatformKey, publicApiListener } from "@roster/public-api";
import { generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createHostApp } from "../src/host-app";

/**
 * The example product against a real Roster API (real database, real HTTP): its backend turns
 * "this customer wants to connect" into the customer's organisation and a connect link scoped
 * to it, and its React page is bundled with @roster/connect-react's <RosterConnectButton>.
 */
let database: TestDatabase;
let sim: ZenefitsSim;
let roster: http.Server;
let host: http.Server;
let rosterUrl = "";
let hostUrl = "";

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 10, seed: 3 });
  const encryptionKey = generateEncryptionKey();
  roster = http.createServer(
    publicApiListener({
      db: database.db,
      log: createLogger("example-test", { level: "silent" }),
      encryptionKey,
      rateLimitPerMinute: 10_000,
      publicUrl: "https://roster.example.test",
      connections: {
        db: database.db,
        connectors: [bamboohr, zenefits],
        encryptionKey,
        credentialDefaults: { zenefits: { baseUrl: sim.url } },
      },
    }),
  );
  rosterUrl = await listen(roster);
  const { key } = await createPlatformKey(database.db, { name: "feedbackly" });
  host = await createHostApp({ rosterUrl, platformKey: key, origin: () => hostUrl });
  hostUrl = await listen(host);
});
afterAll(async () => {
  for (const server of [host, roster]) {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  }
  await sim?.close();
  await database?.drop();
});

it("gives the page a fresh single-use link for the customer's one organisation, framed only by the product", async () => {
  // Tried: ask for a link twice for the same customer, and once for an unknown one. Must hold: one
  // organisation (external_ref cust-1) behind both; two different links, each offering BambooHR and
  // Zenefits under the product's brand and allowing exactly the product's origin; the unknown customer 404.
  const first = (await (await fetch(`${hostUrl}/connect-link?customer=cust-1`, { method: "POST" })).json()) as {
    url: string;
    organisationId: string;
  };
  const second = (await (await fetch(`${hostUrl}/connect-link?customer=cust-1`, { method: "POST" })).json()) as typeof first;
  expect(second.organisationId).toBe(first.organisationId);
  expect(second.url).not.toBe(first.url);
  const organisations = await database.db.selectFrom("organisations").select(["id", "external_ref"]).execute();
  expect(organisations).toEqual([{ id: first.organisationId, external_ref: "cust-1" }]);

  const token = first.url.split("/connect/")[1];
  const described = (await (
    await fetch(`${rosterUrl}/api/connect-link`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { connectors: { id: string }[]; brand: { name: string }; allowed_origins: string[] };
  expect(described.connectors.map((c) => c.id)).toEqual(["bamboohr", "zenefits"]);
  expect(described.brand.name).toBe("Feedbackly");
  expect(described.allowed_origins).toEqual([hostUrl]);

  expect((await fetch(`${hostUrl}/connect-link?customer=someone-else`, { method: "POST" })).status).toBe(404);
});

it("serves the settings page and its React bundle, with <RosterConnectButton> in it", async () => {
  // Tried: load the page and the script it loads. Must hold: the page mounts the bundle on a root
  // naming the customer; the bundle is JavaScript, React and the button included (the message type
  // the button's opener listens for is in it), with no TypeScript or bare imports left.
  const page = await (await fetch(hostUrl)).text();
  expect(page).toContain('<div id="root" data-customer="cust-1">');
  expect(page).toContain('<script type="module" src="/app.js">');
  const bundle = await fetch(`${hostUrl}/app.js`);
  expect(bundle.headers.get("content-type")).toContain("javascript");
  const source = await bundle.text();
  expect(source).toContain("roster:connect-link:completed");
  expect(source).toContain("Connect your HR system");
  expect(source).not.toMatch(/from\s*["'](react|@roster\/connect-react)["']/);
});
