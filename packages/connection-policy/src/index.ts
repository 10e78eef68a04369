export { applySyncOutcome, type PolicyDecision } from "./apply-sync-outcome";
export type { ConnectionRow } from "./connection-row";
export type { PolicyConfig, SyncOutcome, SyncTrigger } from "./deps";
export { disableConnection } from "./disable-connection";
export { enableConnection } from "./enable-connection";
export { inTransaction } from "./in-transaction";
export { openIssue, recordIssuesOfOutcome, resolveIssues } from "./integration-issues";
export type { IssueNotice } from "./issue-announcements";
export { type IssueFix, issueProblems } from "./issue-vocabulary";
export { nextRetryAt, nextScheduledSyncAt } from "./next-sync-at";
export { connectionAlertRecipients } from "./recipients";
export {
  addRecordSyncJob,
  queueRecordSync,
  RECORD_SYNC_COALESCE_SECONDS,
  RECORD_SYNC_MAX_ATTEMPTS,
  type RecordsToSync,
  recordSyncJobKey,
  type SyncRecordsPayload,
} from "./record-sync-jobs";
export { type CrashedSync, recordSyncOutcome } from "./record-sync-outcome";
export { requestSyncNow, type SyncNowResult } from "./request-sync-now";
export {
  BUSY_RECHECK_SECONDS,
  queueSyncs,
  requeueBehindRunningSync,
  SYNC_LEASE_HOURS,
  type SyncConnectionPayload,
  type SyncRequest,
  syncJobKey,
} from "./sync-jobs";
export {
  type EndpointDeliveryOutcome,
  FAILING_AFTER_ATTEMPTS,
  recordEndpointDeliveries,
} from "./webhook-endpoint-issues";
