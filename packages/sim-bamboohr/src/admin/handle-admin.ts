import type { IncomingMessage } from "node:http";
import { ZodError, type z } from "zod";
import { ApiError } from "../http/api-error";
import { parseJson, readBody } from "../http/body";
import { json, type SimResponse } from "../http/respond";
import { createRouter } from "../http/router";
import type { BambooHrSim } from "../sim-types";
import type { SimState } from "../state";
import { WriteError } from "../store/field-writes";
import { NotFoundError } from "../store/mutations";
import { ADMIN_ROUTES, type AdminContext } from "./routes";

const adminRouter = createRouter(ADMIN_ROUTES);
const adminError = (status: number, error: string, extra: object = {}) => json({ ok: false, error, ...extra }, status);

/** Serves /__admin/...: bad input gets a 400 naming what was wrong, unknown ids a 404, refused values a 409. */
export async function handleAdmin(req: IncomingMessage, url: URL, state: SimState, sim: BambooHrSim): Promise<SimResponse> {
  const match = adminRouter.match(req.method ?? "GET", url.pathname);
  if (match === undefined) return adminError(404, `No admin route ${req.method} ${url.pathname}`);
  if (match === "method-not-allowed") return adminError(405, `${req.method} is not allowed on ${url.pathname}`);
  const ctx: AdminContext = {
    sim,
    state,
    company: url.searchParams.get("company") ?? undefined,
    url,
    parse: async <T extends z.ZodType>(schema: T) => {
      const text = await readBody(req);
      return schema.parse(text.trim() === "" ? {} : parseJson(text)) as z.infer<T>;
    },
  };
  try {
    if (ctx.company !== undefined && !state.findCompany(ctx.company)) return adminError(404, `Unknown company ${ctx.company}`);
    return await match.route.handle(ctx, match.params);
  } catch (error) {
    if (error instanceof ZodError) return adminError(400, "Invalid body", { issues: error.issues });
    if (error instanceof ApiError) return adminError(error.status, error.message);
    if (error instanceof WriteError) return adminError(error.status, error.message);
    if (error instanceof NotFoundError) return adminError(404, error.message);
    if (error instanceof RangeError) return adminError(400, error.message);
    throw error;
  }
}
