export { alreadySentRefusal, lastSent, type SentHire } from "./already-sent";
export { type Locked, withCandidateLock } from "./candidate-lock";
export { type HireConnection, type HireSourceConnector, loadHireConnection, suppliesHires } from "./connection";
export { sourceContext, targetContext } from "./contexts";
export type { HireExportDeps, HttpOptions } from "./deps";
export {
  EXPORT_BUSY_RECHECK_SECONDS,
  EXPORT_HIRE_TASK,
  EXPORT_JOB_MAX_ATTEMPTS,
  type ExportHirePayload,
  type ExportTrigger,
  exportHirePayloadSchema,
  exportJobKey,
  queueExportHire,
  RECONCILE_HIRES_TASK,
  type ReconcileHiresPayload,
  reconcileHiresPayloadSchema,
} from "./jobs";
export { failureRecipients } from "./notify-failure";
export { type SendNowResult, sendHireNow } from "./send-hire-now";
export { type HireExportSettings, hireExportSettingsSchema, offersGoToHris, parseHireExportSettings } from "./settings";
export { sentSummary } from "./summary";
export { channelConnectors, type ExportTarget, exportTargetName, resolveExportTarget, type TargetResolution } from "./target";
export { ExportHireError, type ExportOutcome, exportHire, exportHireTask } from "./tasks/export-hire";
export { RECONCILE_OVERLAP_MS, type ReconcileOutcome, reconcileHires, reconcileHiresTask } from "./tasks/reconcile-hires";
export { type HireSetupCheck, type SideCheck, verifyHireSetup } from "./verify-hire-setup";
export { canSeeHireTransfers } from "./visibility";
export {
  type HireWebhookInput,
  type HireWebhookResult,
  handleHireWebhook,
  pruneWebhookDeliveries,
} from "./webhook/handle-hire-webhook";
export { apiPublicBaseUrl, hireWebhookUrl } from "./webhook/webhook-url";
