import { readFile } from "node:fs/promises";
import http from "node:http";
import { createRequire, stripTypeScriptTypes } from "node:module";
import { rosterClient } from "./roster-client";

/** The product's settings page: a button that asks the backend for a link and opens it in an iframe. */
function settingsPage(customerId: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Feedbackly — Settings</title></head>
<body>
  <h1>Settings</h1>
  <p>Connect your HR system so Feedbackly knows your teams.</p>
  <button id="connect">Connect your HR system</button>
  <p id="result" role="status"></p>
  <script type="module">
    import { openRosterConnect } from "/open-connect.js";
    document.getElementById("connect").addEventListener("click", async () => {
      const { url } = await (await fetch("/connect-link?customer=${encodeURIComponent(customerId)}", { method: "POST" })).json();
      try {
        const { connectionId } = await openRosterConnect(url, { title: "Connect your HR system" });
        document.getElementById("result").textContent = "Connected: " + connectionId;
      } catch {
        document.getElementById("result").textContent = "Not connected.";
      }
    });
  </script>
</body></html>`;
}

/**
 * The host product's server. It holds the platform key; the browser only ever gets a single-use
 * link. The opener comes from @roster/connect-react (a bundler would import it; here it is served).
 */
export async function createHostApp(options: { rosterUrl: string; platformKey: string; origin: () => string }) {
  const roster = rosterClient(options);
  const openerPath = createRequire(import.meta.url).resolve("@roster/connect-react/open-connect");
  const opener = stripTypeScriptTypes(await readFile(openerPath, "utf8"));
  // The product's own customers; in a real product, the signed-in customer's record.
  const customers = new Map([["cust-1", { id: "cust-1", name: "Customer One" }]]);

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", options.origin());
    if (req.method === "GET" && url.pathname === "/open-connect.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(opener);
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
