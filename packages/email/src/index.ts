export { logCaughtEmails } from "./catcher/log-caught-emails";
export { type CaughtEmail, type MailCatcher, type MailCatcherOptions, startMailCatcher } from "./catcher/mail-catcher";
export {
  type EmailKind,
  type EmailToEnqueue,
  type EnqueuedEmail,
  enqueueEmail,
  type SendEmailPayload,
  sendEmailJobKey,
  uniqueRecipients,
} from "./enqueue-email";
export { addJobsInTransaction, type JobSpec, jobQueueInstalled } from "./job-queue";
export { connectionUrl, dashboardUrl, integrationSettingsUrl, syncRunUrl } from "./links";
export { type ConnectLinkRequestEmail, connectLinkRequest } from "./templates/connect-link-request";
export { type ConnectionDisabledEmail, connectionDisabled } from "./templates/connection-disabled";
export { type ConnectionRestoredEmail, connectionRestored } from "./templates/connection-restored";
export { type ExportFailedEmail, exportFailed } from "./templates/export-failed";
export { type InviteEmail, invite } from "./templates/invite";
export { type IssueChangedEmail, issueOpened, issueResolved } from "./templates/issue-changed";
export {
  type PermissionEffect,
  type PermissionsChangedEmail,
  permissionsLost,
  permissionsRestored,
} from "./templates/permissions-changed";
export { type EmailBody, type EmailContent, escapeHtml, formatUtc, renderEmail } from "./templates/render";
export { type SyncFailedEmail, syncFailed } from "./templates/sync-failed";
export { createTransport, isPermanentSmtpError, type Mailer, type OutgoingEmail, type SentEmail } from "./transport";
