/**
 * The BambooHR simulator adapted to the shared contract suite's `ContractSimulator`
 * (packages/testkit/src/contract/simulator.ts). A permission withheld is a new key whose user
 * cannot see that field group (harness.ts `accessWithout`); truth() names each stream's records
 * as Roster does, from the simulator's own oracle.
 */
import { randomBytes } from "node:crypto";
import { startBambooHrSim } from "@roster/sim-bamboohr";
import type { ContractSimulator } from "@roster/testkit";
import type { BambooHrCredentials } from "../src/index";
import { credentialsFor, keyWithout, truthIds } from "./harness";

/** Three pages of 200 employees: the resume check aborts after the second and needs one still to come. */
export const CONTRACT_EMPLOYEES = 450;

export async function bamboohrContractSimulator(): Promise<ContractSimulator<BambooHrCredentials>> {
  const sim = await startBambooHrSim({ employees: CONTRACT_EMPLOYEES, seed: 5 });
  return {
    async credentials(options = {}) {
      return credentialsFor(sim, keyWithout(sim, options.without ?? []));
    },
    async invalidCredentials() {
      // Well-formed (40 hex characters) but never issued.
      return credentialsFor(sim, randomBytes(20).toString("hex"));
    },
    async revoke(credentials) {
      sim.revokeApiKey(credentials.apiKey);
    },
    async truth() {
      return truthIds(sim.truth());
    },
    async mutate(change) {
      const result = sim.mutate({ change: change.update, add: change.add, delete: change.remove });
      return { updated: result.changed, added: result.added, removed: result.deleted };
    },
    async setFaults(faults) {
      sim.setFaults({
        errorRate: faults.serverErrorRate ?? 0,
        errorStatus: 500,
        // A burst of 429s with Retry-After: 1, then requests go through again.
        throttleNext: faults.rateLimitBurst ? 4 : 0,
        throttleStatus: 429,
        throttleRetryAfterSeconds: 1,
        truncateEveryKthResponse: faults.truncateEveryPage ? 1 : 0,
        latencyMs: faults.latencyMs ?? 0,
      });
    },
    async clearFaults() {
      sim.clearFaults();
    },
    async requestCount() {
      return sim.requestLog().total;
    },
    close: () => sim.close(),
  };
}
