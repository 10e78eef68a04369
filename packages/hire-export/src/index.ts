export { alreadySentRefusal, lastSent, type SentToZenefits } from "./already-sent";
export { type Locked, withCandidateLock } from "./candidate-lock";
export { type LeverConnection, loadLeverConnection } from "./connection";
export { leverContext, zenefitsContext } from "./contexts";
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
export { type BuildResult, buildHirePayload, type RequiredField, summarizePayload } from "./payload/build-hire-payload";
export {
  type EmploymentType,
  type EmploymentTypeValue,
  employmentType,
  employmentTypes,
  normalizeEmploymentType,
} from "./payload/employment-type";
export {
  collectInterviewers,
  type Interviewer,
  type InterviewSlot,
  type PersonRef,
  type Scorecard,
} from "./payload/interviewers";
export { leverEmploymentSources, leverInterviewInputs, leverSalaryTerms } from "./payload/lever-adapter";
export {
  type ChosenDocument,
  type LeverHireData,
  type OpportunityStanding,
  readHireData,
  readStanding,
} from "./payload/lever-data";
export { type AnnualEquivalent, intervalUnit, type OfferedSalary, offeredSalary } from "./payload/salary";
export { type SendNowResult, sendToZenefitsNow } from "./send-to-zenefits-now";
export {
  type LeverExportCredentials,
  type LeverSettings,
  leverCredentialsSchema,
  leverSettingsSchema,
} from "./settings";
export { ExportHireError, type ExportOutcome, exportHire, exportHireTask } from "./tasks/export-hire";
export { RECONCILE_OVERLAP_MS, type ReconcileOutcome, reconcileHires, reconcileHiresTask } from "./tasks/reconcile-hires";
export { type LeverSetupCheck, type SideCheck, verifyLeverSetup } from "./verify-lever-setup";
export { canSeeHireTransfers } from "./visibility";
export {
  handleLeverWebhook,
  type LeverWebhookInput,
  type LeverWebhookResult,
  pruneWebhookDeliveries,
} from "./webhook/handle-lever-webhook";
export { apiPublicBaseUrl, leverWebhookUrl } from "./webhook/webhook-url";
