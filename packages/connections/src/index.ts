export { credentialDefaults } from "./credential-defaults";
export { type Actor, type ConnectionDeps, ConnectionError } from "./deps";
export { type ConnectorDescription, describeConnector } from "./describe-connector";
export {
  type IntegrationIssueView,
  type IssueFix,
  listIssues,
  snoozeIssue,
  snoozeIssueInput,
} from "./integration-issues";
export {
  type IntegrationAction,
  type IntegrationOverviewItem,
  type IntegrationState,
  integrationsOverview,
} from "./integrations-overview";
export {
  findLeverConnection,
  LEVER_CONNECTOR_ID,
  LEVER_TURNED_OFF_REASON,
  type LeverSetupOptions,
  type LeverSetupSettings,
  mergeLeverCredentials,
  parseLeverCredentials,
  type SaveLeverSetupInput,
  type SaveLeverSetupResult,
  saveLeverSetup,
  storedLeverCredentials,
} from "./lever-settings";
export {
  createConnection,
  deleteConnection,
  disableByOwner,
  enableByOwner,
  rotateCredentials,
  setNotificationEmail,
  syncNow,
} from "./mutations";
export { type PermissionEffect, permissionEffects } from "./permission-effects";
export { getRunDetail, type RunDetail } from "./run-detail";
export { type SyncActivityRange, type SyncDay, syncActivity } from "./sync-activity";
export { findConnector, previewCredentials, verifyCredentials } from "./verify-credentials";
export { getConnectionView, getRun, listConnectionEmails, listConnections, listRuns } from "./views";
