import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { handleAdmin } from "../admin/handle-admin";
import { handleGateway, routeLabel } from "../api/handle-gateway";
import type { BambooHrSim } from "../sim-types";
import type { SimState } from "../state";
import { ERROR_HEADER } from "./api-error";
import { empty, hasBody, type SimResponse, send } from "./respond";

function throttled(state: SimState, retryAfterSeconds: number): SimResponse {
  const { throttleStatus, throttleRetryAfter } = state.faults.current;
  const headers: Record<string, string> = { [ERROR_HEADER]: "Rate limit exceeded" };
  if (throttleRetryAfter) headers["retry-after"] = String(retryAfterSeconds);
  return empty(throttleStatus, headers);
}

/** One request: /__admin bypasses faults and the log; the API goes through both. Every answer has an x-request-id. */
async function handle(req: IncomingMessage, res: ServerResponse, state: SimState, sim: () => BambooHrSim | undefined) {
  const requestId = randomUUID();
  const url = new URL(req.url ?? "/", "http://sim.invalid");
  const method = req.method ?? "GET";
  if (url.pathname === "/__admin" || url.pathname.startsWith("/__admin/")) {
    const handle = sim();
    await send(res, handle ? await handleAdmin(req, url, state, handle) : empty(503), requestId);
    return;
  }
  const route = routeLabel(method, url.pathname);
  const fault = state.faults.onRequest();
  if (fault.kind === "reset") {
    req.socket.destroy();
    state.log.record(route, { method, path: url.pathname, status: "reset", requestId });
    return;
  }
  if (fault.delayMs > 0) await sleep(fault.delayMs);
  let response: SimResponse;
  if (fault.kind === "throttle") response = throttled(state, fault.retryAfterSeconds);
  else if (fault.kind === "error") response = empty(fault.status, { [ERROR_HEADER]: "Injected server error" });
  else response = await handleGateway(req, url, state);
  const truncate = response.status === 200 && hasBody(response) && state.faults.onBody();
  await send(res, response, requestId, truncate);
  state.log.record(route, { method, path: url.pathname, status: response.status, requestId });
}

/** The server; `sim` gives the admin routes the handle once it exists. */
export function createSimServer(state: SimState, sim: () => BambooHrSim | undefined): Server {
  const server = createServer((req, res) => {
    handle(req, res, state, sim).catch((error: unknown) => {
      // A bug in the simulator should be loud in tests, yet keep the server alive.
      console.error("[sim-bamboohr] request failed:", error);
      if (!res.headersSent) void send(res, empty(500, { [ERROR_HEADER]: "Simulator error" }), randomUUID());
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  return server;
}
