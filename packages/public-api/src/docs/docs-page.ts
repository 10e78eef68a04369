import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Hono } from "hono";

/**
 * /api/docs: Swagger UI (swagger-ui-dist) over /api/v1/openapi.json, its files served from
 * the package itself so the page works with no internet.
 */
const assets = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
} as const;

const distDir = () => path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Roster API reference</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="reference"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

const init = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#reference", deepLinking: true, persistAuthorization: false });`;

export function registerDocsPage(app: Hono): void {
  const cache = new Map<string, Buffer>();
  app.get("/api/docs", (c) => c.html(page));
  app.get("/api/docs/init.js", (c) => c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }));
  app.get("/api/docs/:asset", async (c) => {
    const name = c.req.param("asset");
    if (!Object.hasOwn(assets, name)) return c.notFound();
    let file = cache.get(name);
    if (!file) {
      file = await readFile(path.join(distDir(), name));
      cache.set(name, file);
    }
    return c.body(new Uint8Array(file), 200, {
      "content-type": assets[name as keyof typeof assets],
      "cache-control": "public, max-age=3600",
    });
  });
}
