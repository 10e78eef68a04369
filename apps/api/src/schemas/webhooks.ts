import { eventTypes } from "@roster/webhooks/event-types";
import { z } from "zod";

const endpointUrl = z
  .string()
  .trim()
  .url("A full URL, e.g. https://example.com/roster-webhooks")
  .max(2000)
  .refine((url) => /^https?:\/\//i.test(url), "An http:// or https:// URL");

export const createEndpointInput = z.object({
  url: endpointUrl,
  events: z.array(z.enum(eventTypes)).min(1, "Choose at least one event"),
  description: z.string().trim().max(200).nullable().default(null),
});
export type CreateEndpointInput = z.input<typeof createEndpointInput>;

export const endpointIdInput = z.object({ endpointId: z.string().uuid() });

export const updateEndpointInput = endpointIdInput.extend({
  url: endpointUrl.optional(),
  events: z.array(z.enum(eventTypes)).min(1, "Choose at least one event").optional(),
  description: z.string().trim().max(200).nullable().optional(),
  enabled: z.boolean().optional(),
});

export const deliveriesInput = endpointIdInput.extend({
  limit: z.number().int().min(1).max(100).default(25),
  /** The last id of the previous page (its nextBefore). */
  before: z.string().regex(/^\d+$/).optional(),
});

export const deliveryIdInput = z.object({ deliveryId: z.string().regex(/^\d+$/) });
