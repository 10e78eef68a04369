import {
  createEndpoint,
  deleteEndpoint,
  eventDescriptions,
  eventTypes,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  resendDelivery,
  updateEndpoint,
} from "@roster/webhooks";
import { TRPCError } from "@trpc/server";
import { actorOf } from "../connections/connection-deps";
import type { Context } from "../context";
import { createEndpointInput, deliveriesInput, deliveryIdInput, endpointIdInput, updateEndpointInput } from "../schemas/webhooks";
import { access, router } from "../trpc";

const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "No such webhook endpoint in this organisation" });

function encryptionKeyOf(ctx: Pick<Context, "config">): string {
  if (!ctx.config.ENCRYPTION_KEY) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "This Roster server has no ENCRYPTION_KEY, so it cannot keep signing secrets. Ask its administrator to set one.",
    });
  }
  return ctx.config.ENCRYPTION_KEY;
}

/** Settings → Webhooks: endpoints, their delivery log and Resend. Changes are audited. */
export const webhooksRouter = router({
  /** The endpoints, and every event type with what it means (for the form). */
  endpoints: access("webhooks.endpoints", "admin").query(async ({ ctx }) => ({
    endpoints: await listEndpoints(ctx.db, ctx.organisationId),
    eventTypes: eventTypes.map((type) => ({ type, description: eventDescriptions[type] })),
  })),

  /** The signing secret is in this answer only; Roster keeps it encrypted to sign deliveries. */
  createEndpoint: access("webhooks.createEndpoint", "admin")
    .input(createEndpointInput)
    .mutation(({ ctx, input }) => createEndpoint(ctx.db, encryptionKeyOf(ctx), actorOf(ctx), input)),

  updateEndpoint: access("webhooks.updateEndpoint", "admin")
    .input(updateEndpointInput)
    .mutation(async ({ ctx, input }) => {
      const { endpointId, ...update } = input;
      const endpoint = await updateEndpoint(ctx.db, actorOf(ctx), endpointId, update);
      if (!endpoint) throw notFound();
      return endpoint;
    }),

  deleteEndpoint: access("webhooks.deleteEndpoint", "admin")
    .input(endpointIdInput)
    .mutation(async ({ ctx, input }) => {
      if (!(await deleteEndpoint(ctx.db, actorOf(ctx), input.endpointId))) throw notFound();
      return { endpointId: input.endpointId, deleted: true };
    }),

  /** The delivery log of one endpoint, newest first: status, attempts, last response code. */
  deliveries: access("webhooks.deliveries", "admin")
    .input(deliveriesInput)
    .query(async ({ ctx, input }) => {
      if (!(await getEndpoint(ctx.db, ctx.organisationId, input.endpointId))) throw notFound();
      return listDeliveries(ctx.db, ctx.organisationId, input.endpointId, { limit: input.limit, before: input.before });
    }),

  /** Sends the event again now, with the same webhook-id and body. */
  resend: access("webhooks.resend", "admin")
    .input(deliveryIdInput)
    .mutation(async ({ ctx, input }) => {
      const resent = await resendDelivery(ctx.db, actorOf(ctx), input.deliveryId);
      if (!resent) throw new TRPCError({ code: "NOT_FOUND", message: "No such delivery in this organisation" });
      return resent;
    }),
});
