import http from "node:http";
import { bundleSettingsPage } from "./bundle-page";
import { rosterClient } from "./roster-client";

/** The product's settings page: its React app (src/page/), which puts <RosterConnectButton> on it. */
function settingsPage(customerId: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feedbackly — Settings</title></head>
<body>
  <div id="root" data-customer="${customerId.replace(/[^A-Za-z0-9_-]/g, "")}"></div>
  <script type="module" src="/app.js"></script>
</body></html>`;
}

/**
 * The host product's server. It holds the platform key; the browser only ever gets a single-use
 * link, which the page's <RosterConnectButton> (from @roster/connect-react, bundled into /app.js)
 * opens over the page.
 */
export async function createHostApp(options: {
  rosterUrl: string;
  platformKey: string;
  origin: () => string;
  /** The HR systems the customer may choose from (default: BambooHR and Zenefits). */
  connectorIds?: string[];
}) {
  const roster = rosterClient(options);
  const script = await bundleSettingsPage();
  // The product's own customers; in a real product, the signed-in customer's record.
  const customers = new Map([["cust-1", { id: "cust-1", name: "Customer One" }]]);

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", options.origin());
    if (req.method === "GET" && url.pathname === "/app.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
      return;
    }
    if (req.method === "POST" && url.pathname === "/connect-link") {
      const customer = customers.get(url.searchParams.get("customer") ?? "");
      if (!customer) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "no such customer" }));
        return;
      }
      void (async () => {
        const organisation = await roster.organisationFor(customer);
        const link = await roster.connectLink(organisation.id, {
          connectorIds: options.connectorIds ?? ["bamboohr", "zenefits"],
          returnUrl: `${options.origin()}/settings`,
          allowedOrigin: options.origin(),
          brandName: "Feedbackly",
        });
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ url: link.url, organisationId: organisation.id }));
      })().catch((error: unknown) => {
        res.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
      });
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(settingsPage("cust-1"));
  });
}
