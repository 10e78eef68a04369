export {
  type BoundaryViolation,
  CONNECTOR_SOURCE_IMPORTS,
  CONNECTOR_TEST_IMPORTS,
  connectorBoundaryViolations,
  importSpecifiers,
} from "./boundaries/connector-boundaries";
export { type BrokenConnector, brokenConnectors } from "./broken/broken-connectors";
export { type ContractCheck, contractChecks } from "./contract/checks/index";
export { type ContractHarness, createContractHarness } from "./contract/harness";
export { runConnectorContract } from "./contract/run-connector-contract";
export type { ContractFaults, ContractOptions, ContractSimulator } from "./contract/simulator";
export { acmeConnector, acmeCredentials, acmePermissions } from "./fixture/acme-connector";
export { acmeContractSimulator } from "./fixture/acme-contract-simulator";
export { type AcmeServer, startAcmeServer } from "./fixture/provider-server";
