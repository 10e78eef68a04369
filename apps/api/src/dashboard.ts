import { existsSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";

export type DashboardHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * The built dashboard (apps/web `vite build`), served by the API on its own origin: the
 * dashboard's /trpc calls and session cookie then need no CORS and no cross-site cookie
 * settings, and one proxy rule covers Roster. Unknown paths get index.html (client-side routes).
 */
export function dashboardHandler(directory: string): DashboardHandler {
  const serve = sirv(directory, {
    single: true,
    etag: true,
    // Vite fingerprints everything under assets/: cached for a year; index.html is revalidated.
    setHeaders(res, pathname) {
      res.setHeader("cache-control", pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  return (req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end("Not found");
    });
}

/**
 * DASHBOARD_DIR, else apps/web/dist found from the built entry point (apps/<app>/dist/*.js);
 * null when there is no built dashboard there.
 */
export function findDashboard(configured: string | undefined, entryUrl: string): string | null {
  const directory = configured ?? path.resolve(path.dirname(fileURLToPath(entryUrl)), "../../web/dist");
  return existsSync(path.join(directory, "index.html")) ? directory : null;
}
