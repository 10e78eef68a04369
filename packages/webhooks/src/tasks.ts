import type { Db } from "@roster/db";
import type { Logger } from "@roster/logger";
import type { Task } from "graphile-worker";
import { z } from "zod";
import { deliverBatch } from "./deliver";
import { fanOut } from "./fan-out";
import type { DeliverPayload, FanoutPayload } from "./job-names";

declare global {
  namespace GraphileWorker {
    interface Tasks {
      webhook_fanout: FanoutPayload;
      deliver_webhooks: DeliverPayload;
    }
  }
}

export interface WebhookTaskDeps {
  db: Db;
  encryptionKey: string;
  log: Logger;
  /** Told what each batch did (the worker keeps the "webhook endpoint failing" issue with it). */
  onBatchDelivered?: (endpointId: string, outcome: { delivered: number; failed: number }) => Promise<void>;
}

const deliverPayload = z.object({ endpointId: z.string().uuid(), deliveryIds: z.array(z.string().regex(/^\d+$/)).max(1000) });

/** The fan-out (webhook_fanout): every emit, and a cron each minute, ask for it. */
export function webhookFanoutTask(deps: WebhookTaskDeps): Task<"webhook_fanout"> {
  return async () => {
    await fanOut(deps.db, deps.log.child({ task: "webhook_fanout" }));
  };
}

export class DeliveriesPendingError extends Error {
  override name = "DeliveriesPendingError";
}

/**
 * Sends a batch (deliver_webhooks). Throws while some of it is pending, so graphile-worker
 * retries the job with exponential backoff; on its last attempt what is left is marked failed.
 */
export function deliverWebhooksTask(deps: WebhookTaskDeps): Task<"deliver_webhooks"> {
  return async (payload, helpers) => {
    const { endpointId, deliveryIds } = deliverPayload.parse(payload);
    const log = deps.log.child({ task: "deliver_webhooks", endpointId, jobId: helpers.job.id });
    const result = await deliverBatch(endpointId, deliveryIds, {
      db: deps.db,
      encryptionKey: deps.encryptionKey,
      log,
      finalAttempt: helpers.job.attempts >= helpers.job.max_attempts,
      signal: helpers.abortSignal,
    });
    await deps.onBatchDelivered?.(endpointId, { delivered: result.delivered, failed: result.failed });
    if (result.failed + result.waiting > 0 && result.gaveUp === 0) {
      throw new DeliveriesPendingError(
        `${result.failed} failed and ${result.waiting} waiting of ${deliveryIds.length}; retrying`,
      );
    }
  };
}
