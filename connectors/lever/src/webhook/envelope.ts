import { z } from "zod";

/**
 * A Lever webhook delivery (reference §5 Delivery): `{triggeredAt, event, data, signature, token}`.
 * `token` is random and new per delivery, so it identifies the delivery (replays resend it).
 * Only `data.opportunityId` / `data.contactId` are relied on; the rest is re-read from the API.
 */
export const leverWebhookEnvelope = z.looseObject({
  token: z.string().min(1),
  triggeredAt: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]),
  event: z.string().min(1),
  signature: z.string().nullish(),
  data: z
    .looseObject({ opportunityId: z.string().nullish(), contactId: z.string().nullish() })
    .nullish()
    .transform((v) => v ?? {}),
});
export type LeverWebhookEnvelope = z.infer<typeof leverWebhookEnvelope>;

/** The event that means "hired" (reference §5 Events, §6 hire detection). */
export const LEVER_HIRED_EVENT = "candidateHired";

/** Parses a raw body (string or already-parsed JSON); null when it is not a Lever delivery. */
export function parseLeverEnvelope(body: unknown): LeverWebhookEnvelope | null {
  let json: unknown = body;
  if (typeof body === "string") {
    try {
      json = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const parsed = leverWebhookEnvelope.safeParse(json);
  return parsed.success ? parsed.data : null;
}
