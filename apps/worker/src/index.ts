// The worker as tests and the bench start it in-process; the policy itself is @roster/connection-policy.
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
export { runnerPreset } from "./runner-preset";
export { type ServeWorkerOptions, serveWorker } from "./serve";
export { exitOnStartFailure } from "./start-failure";
export { createSyncEngine } from "./sync-engine";
export { createTaskList } from "./task-list";
