import type { ConnectionRow } from "./connection-row";
import type { PolicyConfig } from "./deps";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** After a success: the connection's own interval, else SYNC_INTERVAL_HOURS (24 h). */
export function nextScheduledSyncAt(
  now: Date,
  connection: Pick<ConnectionRow, "sync_interval_hours">,
  config: PolicyConfig,
): Date {
  const hours = connection.sync_interval_hours ?? config.SYNC_INTERVAL_HOURS;
  return new Date(now.getTime() + hours * HOUR_MS);
}

/** After a failure that does not disable the connection: RETRY_INTERVAL_MINUTES (1 h). */
export function nextRetryAt(now: Date, config: PolicyConfig): Date {
  return new Date(now.getTime() + config.RETRY_INTERVAL_MINUTES * MINUTE_MS);
}
