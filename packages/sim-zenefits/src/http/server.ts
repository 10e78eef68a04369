import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { handleAdmin } from "../admin/routes";
import { API_FAMILIES } from "../api/collections";
import { handleAts } from "../ats/routes";
import type { SimState } from "../state";
import { serveApi } from "./api-endpoint";
import { ERROR_MESSAGES, errorEnvelope } from "./envelope";
import { type HttpResponse, jsonResponse, send } from "./respond";

/** Scheme + host as the client addressed us, so next_url and refs stay on "our own host". */
function baseUrl(req: IncomingMessage, state: SimState): string {
  const host = req.headers.host;
  return host !== undefined && /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `http://${host}` : state.url;
}

async function route(req: IncomingMessage, url: URL, state: SimState): Promise<HttpResponse> {
  const path = url.pathname;
  if (API_FAMILIES.has(path.split("/")[1] ?? "")) return serveApi(req, url, baseUrl(req, state), state);
  if (path.startsWith("/ats/")) {
    return handleAts(req, url, { findCompany: (id) => state.findCompany(id), store: state.ats });
  }
  return jsonResponse(404, errorEnvelope(404, ERROR_MESSAGES.notFound));
}

/** One request: admin bypasses faults and the log; everything else goes through both. */
async function handle(req: IncomingMessage, res: ServerResponse, state: SimState): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? "/", "http://sim.invalid");
  const method = req.method ?? "GET";
  if (url.pathname === "/__admin" || url.pathname.startsWith("/__admin/")) {
    send(res, await handleAdmin(req, url, state));
    return;
  }
  const fault = state.faults.onRequest();
  if (fault.kind === "reset") {
    req.socket.destroy();
    state.log.record(method, url.pathname, "reset", performance.now() - started);
    return;
  }
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  let response: HttpResponse;
  if (fault.kind === "throttle") {
    response = jsonResponse(429, errorEnvelope(429, ERROR_MESSAGES.throttled(fault.retryAfterSeconds)), {
      "retry-after": String(fault.retryAfterSeconds),
    });
  } else if (fault.kind === "error500") {
    response = jsonResponse(500, errorEnvelope(500, ERROR_MESSAGES.serverError));
  } else {
    response = await route(req, url, state);
  }
  send(res, response);
  state.log.record(method, url.pathname, response.status, performance.now() - started);
}

export function createSimServer(state: SimState): Server {
  const server = createServer((req, res) => {
    handle(req, res, state).catch((error: unknown) => {
      // A bug in the simulator should be loud in tests, yet keep the server alive.
      console.error("[sim-zenefits] request failed:", error);
      if (!res.headersSent) send(res, jsonResponse(500, errorEnvelope(500, ERROR_MESSAGES.serverError)));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
