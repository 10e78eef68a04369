import { z } from "zod";
import { badRequest, json } from "../http/api-result";
import { parseBody } from "../http/parse-body";
import type { Route } from "../http/router";
import { type ApiContext, visibleOpportunity } from "./api-context";

const stageBody = z.object({ stage: z.string().min(1) });
const archivedBody = z.object({
  reason: z.string().min(1).nullable(),
  cleanInterviews: z.boolean().optional(),
  requisitionId: z.string().optional(),
});

/** `perform_as` is optional on these writes; when given it must name a user. */
function performAs(ctx: ApiContext, url: URL): string | undefined {
  const userId = url.searchParams.get("perform_as");
  if (userId === null) return undefined;
  if (!ctx.store.user(userId)) throw badRequest(`perform_as user ${userId} was not found`);
  return userId;
}

/**
 * PUT stage / archived: how a recruiter (or a test) moves candidates. The answer does not wait for
 * the webhooks they emit: Lever delivers those asynchronously.
 */
export const driverRoutes: Route<ApiContext>[] = [
  {
    method: "PUT",
    path: "/v1/opportunities/:id/stage",
    scope: "opportunities:write:admin",
    handle: ({ ctx, url, params, body }) => {
      const o = visibleOpportunity(ctx, params.id ?? "");
      const { stage } = parseBody(stageBody, body);
      ctx.pipeline.moveStage(o.id, stage, performAs(ctx, url)).catch(() => {});
      return json({ data: o });
    },
  },
  {
    method: "PUT",
    path: "/v1/opportunities/:id/archived",
    scope: "opportunities:write:admin",
    handle: ({ ctx, url, params, body }) => {
      const o = visibleOpportunity(ctx, params.id ?? "");
      const { reason } = parseBody(archivedBody, body);
      performAs(ctx, url);
      ctx.pipeline.archive(o.id, reason).catch(() => {});
      return json({ data: o });
    },
  },
];
