import { acmeConnector } from "../src/fixture/acme-connector";
import { acmeContractSimulator } from "../src/fixture/acme-contract-simulator";
import { runConnectorContract } from "../src/index";

// The whole shared suite against the fixture connector: proves core, sync and testkit
// before any real provider, exactly as a real connector's test uses them.
runConnectorContract(acmeConnector, { simulator: acmeContractSimulator, mutableStream: "people", batchSize: 40 });
