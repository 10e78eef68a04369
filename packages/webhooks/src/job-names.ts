/** The worker tasks of change webhooks (apps/worker's task list registers both). */
export const FANOUT_TASK = "webhook_fanout";
export const DELIVER_TASK = "deliver_webhooks";

/** One waiting fan-out at a time: every emit asks for one, and they merge into it. */
export const FANOUT_JOB_KEY = "webhook_fanout";

export interface FanoutPayload {
  _cron?: { ts: string; backfilled?: boolean };
}

/** A batch of one endpoint's deliveries, in event order. */
export interface DeliverPayload {
  endpointId: string;
  deliveryIds: string[];
}

/**
 * graphile-worker's backoff is exp(min(attempt, 10)) seconds: 12 attempts span about a day
 * (3 s, 7 s, 20 s, 1 min, 2.5 min, 7 min, 18 min, 50 min, 2.2 h, then 6 h between tries).
 */
export const DELIVERY_MAX_ATTEMPTS = 12;
