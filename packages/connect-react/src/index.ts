export {
  CONNECT_RESULT_MESSAGE,
  ConnectClosedError,
  type ConnectResult,
  connectResultOf,
  openRosterConnect,
} from "./open-connect";
export { RosterConnectButton } from "./roster-connect-button";
