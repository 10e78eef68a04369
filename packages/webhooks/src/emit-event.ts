import type { Database, Kysely } from "@roster/db";
// The job queue alone, not the email package: the sync engine (and the CLI) load this module.
import { addJobsInTransaction } from "@roster/email/job-queue";
import type { OutboxEventType } from "./event-types";
import { FANOUT_JOB_KEY, FANOUT_TASK } from "./job-names";

export interface OutboxEvent {
  organisationId: string;
  connectionId: string | null;
  type: OutboxEventType;
  /**
   * Events with the same key reach an endpoint in the order they were emitted. Defaults to the
   * connection (`connection:<id>`), so a connection's sync and status events keep their order.
   */
  orderingKey?: string;
  /** The event's `data`, as receivers get it: snake_case, no secrets, no personal data. */
  data: Record<string, unknown>;
}

/**
 * Writes an event to event_outbox in the caller's transaction (so it exists if and only if the
 * change that causes it commits) and asks for a fan-out, which turns it into deliveries.
 * Call it with the transaction of the state change.
 */
export async function emitEvent(trx: Kysely<Database>, event: OutboxEvent): Promise<void> {
  await trx
    .insertInto("event_outbox")
    .values({
      organisation_id: event.organisationId,
      connection_id: event.connectionId,
      type: event.type,
      ordering_key: event.orderingKey ?? `connection:${event.connectionId ?? event.organisationId}`,
      data: JSON.stringify(event.data),
    })
    .execute();
  await requestFanOut(trx);
}

/**
 * Queues the fan-out (one job key, so requests merge). Without graphile-worker's schema nothing
 * is queued, and the worker's cron fan-out picks the event up once it runs.
 */
export async function requestFanOut(db: Kysely<Database>, runAt?: Date): Promise<boolean> {
  return addJobsInTransaction(db, [
    { identifier: FANOUT_TASK, jobKey: FANOUT_JOB_KEY, maxAttempts: 25, ...(runAt ? { runAt } : {}) },
  ]);
}
