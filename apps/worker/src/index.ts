// What the API, the CLI and the lead's end-to-end tests call.
export { crontab } from "./crontab";
export {
  type PolicyConfig,
  type SyncConnection,
  type SyncOutcome,
  type SyncTrigger,
  SyncUnavailableError,
  type WorkerConfig,
  type WorkerDeps,
} from "./deps";
export { queueSyncs, SYNC_LEASE_HOURS, type SyncConnectionPayload, syncJobKey } from "./jobs/sync-jobs";
export { applySyncOutcome, type PolicyDecision } from "./policy/apply-sync-outcome";
export type { ConnectionRow } from "./policy/connection-row";
export { disableConnection } from "./policy/disable-connection";
export { enableConnection } from "./policy/enable-connection";
export { requestSyncNow, type SyncNowResult } from "./policy/request-sync-now";
export { runnerPreset } from "./runner-preset";
export { createSyncEngine } from "./sync-engine";
export { createTaskList } from "./task-list";
