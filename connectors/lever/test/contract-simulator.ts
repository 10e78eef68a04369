/**
 * The Lever simulator adapted to the shared contract suite's `ContractSimulator`
 * (packages/testkit/src/contract/simulator.ts). The simulator's real rate limit is off by
 * default so the suite's many syncs stay fast; the `rateLimitBurst` fault turns a tight one
 * on, with Retry-After, to check that 429s are waited out.
 */
import { startLeverSim } from "@roster/sim-lever";
import type { ContractSimulator } from "@roster/testkit";
import { type LeverCredentials, leverPermissions } from "../src/index";

/** Five pages of 100: the resume check aborts after the second batch and needs pages still to come. */
export const CONTRACT_OPPORTUNITIES = 450;

export async function leverContractSimulator(): Promise<ContractSimulator<LeverCredentials>> {
  const sim = await startLeverSim({ opportunities: CONTRACT_OPPORTUNITIES, seed: 5, rateLimit: false });
  const allScopes = leverPermissions.map((p) => p.id);
  return {
    async credentials(options = {}) {
      const scopes = allScopes.filter((scope) => !options.without?.includes(scope));
      return { apiKey: sim.createApiKey({ scopes }), baseUrl: `${sim.url}/v1` };
    },
    async invalidCredentials() {
      return { apiKey: "not-a-real-lever-api-key", baseUrl: `${sim.url}/v1` };
    },
    async revoke(credentials) {
      sim.revokeApiKey(credentials.apiKey);
    },
    async truth() {
      return { candidates: sim.truth().opportunities.map((o) => o.id) };
    },
    async mutate(change) {
      return sim.mutate(change);
    },
    async setFaults(faults) {
      sim.setFaults({
        errorRate: faults.serverErrorRate ?? 0,
        latencyMs: faults.latencyMs ?? 0,
        truncateEveryKthListPage: faults.truncateEveryPage ? 1 : 0,
        retryAfterOn429: faults.rateLimitBurst === true,
      });
      // A short burst: five requests pass, then 429 + Retry-After until the bucket refills.
      sim.setRateLimit(faults.rateLimitBurst ? { perSecond: 20, burst: 5 } : false);
    },
    async clearFaults() {
      sim.clearFaults();
      sim.setRateLimit(false);
    },
    async requestCount() {
      return sim.requestLog().total;
    },
    close: () => sim.close(),
  };
}
