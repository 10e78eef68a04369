import { newDeliveryToken, signLever } from "./signature";

/** Every Lever webhook event (reference §5 Events). The simulator emits the first three. */
export const LEVER_EVENTS = [
  "candidateStageChange",
  "candidateArchiveChange",
  "candidateHired",
  "applicationCreated",
  "candidateDeleted",
  "interviewCreated",
  "interviewUpdated",
  "interviewDeleted",
  "contactCreated",
  "contactUpdated",
] as const;
export type WebhookEvent = (typeof LEVER_EVENTS)[number];

/** What a settings-page webhook set up by `setWebhook` listens to. */
export const EMITTED_EVENTS: readonly WebhookEvent[] = ["candidateStageChange", "candidateArchiveChange", "candidateHired"];

/** Envelope in the reference's field order: triggeredAt, event, data, signature, token. */
export interface WebhookEnvelope {
  triggeredAt: number;
  event: WebhookEvent;
  data: Record<string, unknown>;
  signature?: string;
  token: string;
}

/**
 * Builds a signed envelope. `signatureToken: null` leaves `signature` out, as Lever does when the
 * account has no signing token. A fresh token and timestamp are drawn per delivery.
 */
export function buildEnvelope(
  event: WebhookEvent,
  data: Record<string, unknown>,
  signatureToken: string | null,
  triggeredAt = Date.now(),
): WebhookEnvelope {
  const token = newDeliveryToken();
  if (signatureToken === null) return { triggeredAt, event, data, token };
  return { triggeredAt, event, data, signature: signLever(token, triggeredAt, signatureToken), token };
}

/** Data for opportunity events: opportunityId, candidateId (= opportunityId, deprecated), contactId. */
export function opportunityEventData(opportunityId: string, contactId: string, extra: Record<string, unknown> = {}) {
  return { opportunityId, candidateId: opportunityId, contactId, ...extra };
}
