import type { IncomingMessage } from "node:http";
import type { ApiResult } from "./api-result";

/** Everything a route handler may need about one request. */
export interface RouteRequest<Ctx> {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  ctx: Ctx;
  /** Raw request body (only read for PUT/POST/DELETE). */
  body: string;
}

export interface Route<Ctx> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Express-like pattern, e.g. /v1/opportunities/:id/offers */
  path: string;
  /** OAuth-style scope the API key needs, e.g. "offers:read:admin" (reference §1). */
  scope?: string;
  handle(request: RouteRequest<Ctx>): ApiResult | Promise<ApiResult>;
}

export interface RouteMatch<Ctx> {
  route: Route<Ctx>;
  params: Record<string, string>;
}

interface Compiled<Ctx> {
  route: Route<Ctx>;
  regex: RegExp;
  names: string[];
}

/** First-match router over literal paths with `:param` segments; order routes specific-first. */
export function createRouter<Ctx>(routes: readonly Route<Ctx>[]) {
  const compiled: Compiled<Ctx>[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split("/")
      .map((segment) => {
        if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(segment.slice(1));
        return "([^/]+)";
      })
      .join("/");
    return { route, regex: new RegExp(`^${source}/?$`), names };
  });
  return {
    match(method: string, pathname: string): RouteMatch<Ctx> | "method-not-allowed" | undefined {
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.regex.exec(pathname);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== method) continue;
        const params: Record<string, string> = {};
        c.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? "");
        });
        return { route: c.route, params };
      }
      return pathMatched ? "method-not-allowed" : undefined;
    },
  };
}

export function readBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        reject(new Error("request body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
