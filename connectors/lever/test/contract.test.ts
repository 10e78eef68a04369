import type { Connector } from "@roster/core";
import { runConnectorContract } from "@roster/testkit";
import { lever } from "../src/index";
import { leverContractSimulator } from "./contract-simulator";

// The shared suite, every check, against the Lever simulator over real HTTP into PostgreSQL.
runConnectorContract(lever as unknown as Connector, {
  simulator: leverContractSimulator as never,
  mutableStream: "candidates",
});
