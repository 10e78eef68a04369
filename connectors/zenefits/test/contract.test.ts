import { runConnectorContract } from "@roster/testkit";
import { zenefits } from "../src/index";
import { zenefitsContractSimulator } from "./contract-simulator";

// The shared connector contract, against the Zenefits simulator over HTTP.
runConnectorContract(zenefits, { simulator: zenefitsContractSimulator, mutableStream: "people", batchSize: 60 });
