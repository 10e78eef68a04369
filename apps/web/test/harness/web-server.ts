import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

/** API paths the dashboard reaches through its own origin, as the Vite proxy does in dev and preview. */
const proxied = ["/trpc/", "/healthz", "/api/", "/exports/"];

export interface WebServer {
  url: string;
  /** Where /trpc and /healthz go; set once the API listens. */
  setApiUrl(url: string): void;
  close(): Promise<void>;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves a built dashboard with the SPA fallback (deep links load index.html) and proxies
 * the API paths, so the browser sees one origin exactly as with `vite preview`.
 */
export async function startWebServer(distDir: string): Promise<WebServer> {
  let api: URL | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (proxied.some((p) => url.pathname.startsWith(p))) {
      if (!api) {
        res.writeHead(503).end("API not started");
        return;
      }
      const upstream = http.request(
        { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: req.headers },
        (apiRes) => {
          res.writeHead(apiRes.statusCode ?? 502, apiRes.headers);
          apiRes.pipe(res);
        },
      );
      upstream.on("error", () => res.writeHead(502).end("API unreachable"));
      req.pipe(upstream);
      return;
    }
    const requested = path.resolve(distDir, `.${decodeURIComponent(url.pathname)}`);
    const file = requested.startsWith(distDir) && isFile(requested) ? requested : path.join(distDir, "index.html");
    res.writeHead(200, { "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setApiUrl(url) {
      api = new URL(url);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
