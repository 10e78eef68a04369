import { recordEndpointDeliveries, type SyncConnectionPayload, type SyncRecordsPayload } from "@roster/connection-policy";
// export_hire and reconcile_hires declare their payload types in @roster/hire-export.
import type { RateLimit } from "@roster/core";
import type { SendEmailPayload } from "@roster/email";
import { exportHireTask, reconcileHiresTask } from "@roster/hire-export";
// webhook_fanout and deliver_webhooks declare their payload types in @roster/webhooks.
import { deliverWebhooksTask, webhookFanoutTask } from "@roster/webhooks";
import type { TaskList } from "graphile-worker";
import type { WorkerDeps } from "./deps";
import { eraseOrganisations } from "./tasks/erase-organisations";
import { scheduleDue } from "./tasks/schedule-due";
import { sendEmail } from "./tasks/send-email";
import { sweepOutbox } from "./tasks/sweep-outbox";
import { syncConnection } from "./tasks/sync-connection";
import { syncRecords } from "./tasks/sync-records";

/** Cron jobs carry only graphile's own `_cron` marker. */
type CronPayload = { _cron?: { ts: string; backfilled?: boolean } };

// Payload types for typed addJob calls; every task still zod-parses its payload, as old
// jobs may carry old shapes.
declare global {
  namespace GraphileWorker {
    interface Tasks {
      send_email: SendEmailPayload;
      sweep_outbox: CronPayload;
      schedule_due: CronPayload;
      sync_connection: SyncConnectionPayload;
      sync_records: SyncRecordsPayload;
      erase_organisations: CronPayload;
    }
  }
}

/** Lever's per-key budget from the config (bursts of twice the rate, as Lever's own bucket), else the manifest's. */
function leverBudget(perSecond: number | undefined): Record<string, RateLimit> {
  return perSecond === undefined ? {} : { lever: { perSecond, burst: 2 * perSecond } };
}

/** Change webhooks: the fan-out from change_log and the outbox, and signed deliveries (their secrets need the key). */
function webhookTasks(deps: Parameters<typeof webhookFanoutTask>[0]) {
  return { webhook_fanout: webhookFanoutTask(deps), deliver_webhooks: deliverWebhooksTask(deps) };
}

/** The one task list: each entry a plain function in src/tasks/. */
export function createTaskList(deps: WorkerDeps): TaskList {
  const hireExport = deps.encryptionKey
    ? {
        db: deps.db,
        encryptionKey: deps.encryptionKey,
        publicUrl: deps.config.PUBLIC_URL,
        log: deps.log,
        http: { rateLimits: leverBudget(deps.config.LEVER_REQUESTS_PER_SECOND) },
      }
    : null;
  return {
    send_email: sendEmail(deps),
    sweep_outbox: sweepOutbox(deps),
    schedule_due: scheduleDue(deps),
    sync_connection: syncConnection(deps),
    sync_records: syncRecords(deps),
    erase_organisations: eraseOrganisations(deps),
    ...(hireExport ? { export_hire: exportHireTask(hireExport), reconcile_hires: reconcileHiresTask(hireExport) } : {}),
    ...(deps.encryptionKey
      ? webhookTasks({
          db: deps.db,
          encryptionKey: deps.encryptionKey,
          log: deps.log,
          onBatchDelivered: (endpointId, outcome) =>
            recordEndpointDeliveries(deps.db, endpointId, outcome, { publicUrl: deps.config.PUBLIC_URL }),
        })
      : {}),
  };
}
