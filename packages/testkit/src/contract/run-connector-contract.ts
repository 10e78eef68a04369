import type { Connector } from "@roster/core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { contractChecks } from "./checks/index";
import { type ContractHarness, createContractHarness } from "./harness";
import type { ContractOptions } from "./simulator";

/**
 * Registers the shared contract suite for one connector: every check against the
 * connector's simulator, over real HTTP, into a real PostgreSQL database.
 *
 * @example runConnectorContract(zenefits, { simulator: zenefitsContractSimulator, mutableStream: "people" })
 */
export function runConnectorContract(connector: Connector, options: ContractOptions): void {
  describe(`connector contract: ${connector.manifest.id}`, () => {
    let h: ContractHarness;
    beforeAll(async () => {
      h = await createContractHarness(connector, options);
    });
    afterAll(async () => {
      await h?.close();
    });
    for (const check of contractChecks) {
      it(`${check.id}: ${check.title}`, () => check.run(h));
    }
  });
}
