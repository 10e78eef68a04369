import { z } from "zod";
import { json } from "../http/api-result";
import { parseBody } from "../http/parse-body";
import type { Route } from "../http/router";
import type { LeverSim } from "../sim-types";

const feedbackBody = z.object({
  userId: z.string().min(1),
  interviewId: z.string().min(1).nullish(),
  rating: z.string().min(1).nullable(),
  completedAt: z.number().int().nonnegative().optional(),
});

const offerFieldsBody = z.object({
  fields: z.record(z.string().min(1), z.union([z.string(), z.number(), z.null()])),
});

/** The admin side of sim.edits (RecruiterEdits): each answers with the changed object. */
export const editRoutes: Route<LeverSim>[] = [
  {
    method: "POST",
    path: "/__admin/opportunities/:id/feedback",
    handle: ({ ctx, params, body }) =>
      json({ feedback: ctx.edits.addFeedback(params.id ?? "", parseBody(feedbackBody, body)) }, 201),
  },
  {
    method: "DELETE",
    path: "/__admin/opportunities/:id/feedback/:feedbackId",
    handle: ({ ctx, params }) => json({ feedback: ctx.edits.deleteFeedback(params.id ?? "", params.feedbackId ?? "") }),
  },
  {
    method: "POST",
    path: "/__admin/opportunities/:id/interviews/:interviewId/cancel",
    handle: ({ ctx, params }) => json({ interview: ctx.edits.cancelInterview(params.id ?? "", params.interviewId ?? "") }),
  },
  {
    method: "PUT",
    path: "/__admin/opportunities/:id/offer-fields",
    handle: ({ ctx, params, body }) =>
      json({ offer: ctx.edits.setOfferFields(params.id ?? "", parseBody(offerFieldsBody, body).fields) }),
  },
];
