import { z } from "zod";
import { faultsSchema } from "../http/faults";
import { LEVER_EVENTS } from "../webhooks/payload";

export const webhookBody = z.object({
  url: z.url(),
  signatureToken: z.string().min(1).optional(),
  events: z.array(z.enum(LEVER_EVENTS)).min(1).optional(),
});

export const stageBody = z.object({ stageId: z.string().min(1) });

export const faultsBody = faultsSchema.partial().strict();

export const rateLimitBody = z.union([
  z.literal(false),
  z.object({ perSecond: z.number().positive(), burst: z.number().int().min(1) }),
]);

export const apiKeyBody = z.object({
  scopes: z.array(z.string().min(1)).optional(),
  confidential: z.boolean().optional(),
});

export const mutateBody = z
  .object({ update: z.number().int().min(0), add: z.number().int().min(0), remove: z.number().int().min(0) })
  .partial()
  .strict();
