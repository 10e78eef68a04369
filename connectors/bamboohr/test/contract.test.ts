import { runConnectorContract } from "@roster/testkit";
import { bamboohr } from "../src/index";
import { bamboohrContractSimulator } from "./contract-simulator";

// The shared connector contract, against the BambooHR simulator over HTTP.
runConnectorContract(bamboohr, { simulator: bamboohrContractSimulator, mutableStream: "employees" });
