export { type Actor, type ConnectionDeps, ConnectionError } from "./deps";
export {
  createConnection,
  deleteConnection,
  disableByOwner,
  enableByOwner,
  rotateCredentials,
  setNotificationEmail,
  syncNow,
} from "./mutations";
export { findConnector, verifyCredentials } from "./verify-credentials";
export { getConnectionView, getRun, listConnectionEmails, listConnections, listRuns } from "./views";
