import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, type ApiResult, errorResult, json } from "../http/api-result";
import { createRouter, readBody } from "../http/router";
import { sendResult } from "../http/send-result";
import type { LeverSim } from "../sim-types";
import { adminRoutes } from "./admin-routes";

const adminRouter = createRouter(adminRoutes);

async function answer(req: IncomingMessage, sim: LeverSim): Promise<ApiResult> {
  const url = new URL(req.url ?? "/", "http://lever.sim");
  const match = adminRouter.match(req.method ?? "GET", url.pathname);
  if (match === undefined) return json({ code: "ResourceNotFound", message: `${url.pathname} is not an admin endpoint` }, 404);
  if (match === "method-not-allowed") return json({ code: "MethodNotAllowed", message: `${req.method} ${url.pathname}` }, 405);
  const body = req.method === "GET" ? "" : await readBody(req);
  try {
    return await match.route.handle({ req, url, params: match.params, ctx: sim, body });
  } catch (error) {
    if (error instanceof ApiError) return errorResult(error);
    throw error;
  }
}

/** Serves /__admin/...; never rate limited, faulted or logged. */
export async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, sim: LeverSim): Promise<void> {
  sendResult(res, await answer(req, sim), {});
}
