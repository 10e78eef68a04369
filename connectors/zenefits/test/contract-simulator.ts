/**
 * The Zenefits simulator adapted to the shared contract suite's `ContractSimulator`
 * (packages/testkit/src/contract/simulator.ts), written structurally so this package
 * need not depend on the testkit. Use:
 *   runConnectorContract(zenefits, { simulator: zenefitsContractSimulator, mutableStream: "people" })
 */
import { ALL_SCOPES, startZenefitsSim } from "@roster/sim-zenefits";
import type { ZenefitsCredentials } from "../src/index";
import { type StreamName, streamNames, truthKeyOf } from "./harness";

export async function zenefitsContractSimulator() {
  const sim = await startZenefitsSim({ port: 0, people: 230, seed: 9 });
  return {
    async credentials(options: { without?: readonly string[] } = {}): Promise<ZenefitsCredentials> {
      const scopes = ALL_SCOPES.filter((scope) => !options.without?.includes(scope));
      return { accessToken: sim.createToken({ scopes }), baseUrl: sim.url };
    },
    async invalidCredentials(): Promise<ZenefitsCredentials> {
      return { accessToken: "notARealZenefitsToken1", baseUrl: sim.url };
    },
    async revoke(credentials: ZenefitsCredentials) {
      sim.revokeToken(credentials.accessToken);
    },
    async truth(): Promise<Record<string, string[]>> {
      const truth = sim.truth();
      const idsOf = (name: StreamName) => (truth[truthKeyOf[name]] as { id: string }[]).map((record) => record.id);
      return Object.fromEntries(streamNames.map((name) => [name, idsOf(name)]));
    },
    async mutate(change: { update: number; add: number; remove: number }) {
      const result = sim.mutate({ change: change.update, add: change.add, delete: change.remove });
      return { updated: result.changed, added: result.added, removed: result.deleted };
    },
    async setFaults(faults: {
      serverErrorRate?: number;
      rateLimitBurst?: boolean;
      truncateEveryPage?: boolean;
      latencyMs?: number;
    }) {
      sim.setFaults({
        error500Rate: faults.serverErrorRate ?? 0,
        // A short burst: a few requests pass, then 429 + Retry-After: 1 until the bucket refills.
        rateLimitPerSecond: faults.rateLimitBurst ? 20 : 0,
        rateLimitBurst: faults.rateLimitBurst ? 5 : 0,
        truncateEveryKthListPage: faults.truncateEveryPage ? 1 : 0,
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
