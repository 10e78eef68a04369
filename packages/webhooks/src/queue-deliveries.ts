import { createHash } from "node:crypto";
import type { Database, Kysely } from "@roster/db";
import { addJobsInTransaction, type JobSpec } from "@roster/email/job-queue";
import { DELIVER_TASK, DELIVERY_MAX_ATTEMPTS, type DeliverPayload } from "./job-names";

/** Deliveries per job: enough that a 10,000-event sync is ~100 jobs, few enough to retry cheaply. */
export const DELIVERIES_PER_JOB = 100;
/** Each endpoint's new deliveries are spread over this many jobs at a time, by ordering key. */
const PARTITIONS = 8;

export interface NewDelivery {
  id: string;
  endpointId: string;
  orderingKey: string;
}

const partitionOf = (key: string) => createHash("sha1").update(key).digest().readUInt32BE(0) % PARTITIONS;

/**
 * One deliver_webhooks job per endpoint, partition and DELIVERIES_PER_JOB deliveries, added in one
 * add_jobs call in the caller's transaction. A record's events share a partition, so within one
 * fan-out they travel in one job, in order.
 */
export function deliveryJobs(deliveries: readonly NewDelivery[]): JobSpec[] {
  const groups = new Map<string, { endpointId: string; ids: string[] }>();
  for (const d of [...deliveries].sort((a, b) => Number(a.id) - Number(b.id))) {
    const key = `${d.endpointId}:${partitionOf(d.orderingKey)}`;
    let group = groups.get(key);
    if (!group) {
      group = { endpointId: d.endpointId, ids: [] };
      groups.set(key, group);
    }
    group.ids.push(d.id);
  }
  const jobs: JobSpec[] = [];
  for (const { endpointId, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += DELIVERIES_PER_JOB) {
      const payload: DeliverPayload = { endpointId, deliveryIds: ids.slice(i, i + DELIVERIES_PER_JOB) };
      jobs.push({ identifier: DELIVER_TASK, payload, maxAttempts: DELIVERY_MAX_ATTEMPTS });
    }
  }
  return jobs;
}

export async function queueDeliveryJobs(trx: Kysely<Database>, deliveries: readonly NewDelivery[]): Promise<number> {
  const jobs = deliveryJobs(deliveries);
  await addJobsInTransaction(trx, jobs);
  return jobs.length;
}

/** Queues every pending delivery of an endpoint again (re-enabled, or stranded). */
export async function queuePendingDeliveries(trx: Kysely<Database>, endpointId: string): Promise<number> {
  const rows = await trx
    .selectFrom("event_deliveries")
    .select(["id", "endpoint_id", "ordering_key"])
    .where("endpoint_id", "=", endpointId)
    .where("status", "=", "pending")
    .orderBy("id")
    .execute();
  return queueDeliveryJobs(
    trx,
    rows.map((r) => ({ id: String(r.id), endpointId: r.endpoint_id, orderingKey: r.ordering_key })),
  );
}
