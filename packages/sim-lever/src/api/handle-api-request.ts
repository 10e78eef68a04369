import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { type ApiKeys, allows } from "../http/api-keys";
import { ApiError, type ApiResult, errorResult, json } from "../http/api-result";
import type { FaultInjector } from "../http/faults";
import type { RateLimiter } from "../http/rate-limiter";
import { readBody } from "../http/router";
import { sendResult } from "../http/send-result";
import type { RequestLog } from "../request-log";
import type { ApiContext } from "./api-context";
import { apiRouter } from "./routes";

export interface ApiDeps {
  keys: ApiKeys;
  limiter: RateLimiter;
  faults: FaultInjector;
  log: RequestLog;
  account: () => Omit<ApiContext, "grant">;
}

/** Auth → rate limit → injected 500 → route → scope → handler; each step may answer early. */
async function answer(req: IncomingMessage, url: URL, deps: ApiDeps, headers: Record<string, string>): Promise<ApiResult> {
  const auth = deps.keys.authenticate(req.headers.authorization);
  if (!auth) {
    headers["WWW-Authenticate"] = 'Basic realm="Lever API"';
    return json({ code: "Unauthorized", message: "Invalid or missing API key" }, 401);
  }
  if (!deps.limiter.take(auth.key)) {
    if (deps.faults.current.retryAfterOn429) headers["Retry-After"] = String(deps.limiter.secondsUntilToken(auth.key));
    return json({ code: "TooManyRequests", message: "Rate limit exceeded" }, 429);
  }
  if (deps.faults.shouldFail()) return json({ code: "InternalServer", message: "Internal server error (injected)" }, 500);
  const match = apiRouter.match(req.method ?? "GET", url.pathname);
  if (match === undefined) return json({ code: "ResourceNotFound", message: `${url.pathname} does not exist` }, 404);
  if (match === "method-not-allowed")
    return json({ code: "MethodNotAllowed", message: `${req.method} is not allowed on ${url.pathname}` }, 405);
  if (!allows(auth.grant, match.route.scope)) {
    return json({ code: "Forbidden", message: `This API key lacks the ${match.route.scope} permission` }, 403);
  }
  const body = req.method === "GET" ? "" : await readBody(req);
  const ctx: ApiContext = { ...deps.account(), grant: auth.grant };
  try {
    return await match.route.handle({ req, url, params: match.params, ctx, body });
  } catch (error) {
    if (error instanceof ApiError) return errorResult(error);
    return json({ code: "InternalServer", message: error instanceof Error ? error.message : String(error) }, 500);
  }
}

/** Serves one /v1 request, applying injected faults, and records it in the request log. */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  const url = new URL(req.url ?? "/", "http://lever.sim");
  const match = apiRouter.match(req.method ?? "GET", url.pathname);
  const logPath = `${req.method} ${typeof match === "object" ? match.route.path : url.pathname}`;
  if (deps.faults.shouldReset()) {
    deps.log.record(logPath, "reset");
    req.socket.resetAndDestroy();
    return;
  }
  const latency = deps.faults.current.latencyMs;
  if (latency > 0) await sleep(latency);
  const headers: Record<string, string> = {};
  const result = await answer(req, url, deps, headers);
  const truncate = result.kind === "json" && result.listPage === true && deps.faults.shouldTruncate();
  deps.log.record(logPath, sendResult(res, result, headers, truncate));
}
