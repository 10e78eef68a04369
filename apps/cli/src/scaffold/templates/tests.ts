import type { ConnectorNames } from "../names";

export function contractSimulatorTs(n: ConnectorNames): string {
  return `import type { ContractSimulator } from "@roster/testkit";
import type { ${n.pascal}Credentials } from "../src/manifest";
import { SIM_SCOPES, startSimulator } from "./simulator";

/**
 * The simulator as the contract suite drives it: credentials with or without permissions,
 * revocation, the provider's truth per stream, mutations and faults.
 */
export async function contractSimulator(): Promise<ContractSimulator<${n.pascal}Credentials>> {
  const sim = await startSimulator({ people: 120, pageSize: 20 });
  return {
    async credentials(options = {}) {
      return { token: sim.createToken(SIM_SCOPES.filter((s) => !options.without?.includes(s))), baseUrl: sim.url };
    },
    async invalidCredentials() {
      return { token: "sim_not-a-real-token", baseUrl: sim.url };
    },
    async revoke(credentials) {
      sim.revoke(credentials.token);
    },
    async truth() {
      return { people: sim.people.map((p) => p.id), departments: sim.departments.map((d) => d.id) };
    },
    async mutate(change) {
      return sim.mutate(change);
    },
    async setFaults(faults) {
      Object.assign(sim.faults, {
        errorRate: faults.serverErrorRate,
        rateLimitedRequests: faults.rateLimitBurst ? 5 : undefined,
        truncatePages: faults.truncateEveryPage,
        latencyMs: faults.latencyMs,
      });
    },
    async clearFaults() {
      for (const key of Object.keys(sim.faults)) delete sim.faults[key as keyof typeof sim.faults];
    },
    async requestCount() {
      return sim.requestCount();
    },
    close: () => sim.close(),
  };
}
`;
}

export function contractTestTs(n: ConnectorNames): string {
  return `import { runConnectorContract } from "@roster/testkit";
import { ${n.camel} } from "../src/index";
import { contractSimulator } from "./contract-simulator";

// The whole shared contract (packages/testkit/README.md lists every check) against the
// in-folder simulator: over real HTTP, into a real PostgreSQL database.
runConnectorContract(${n.camel}, {
  simulator: contractSimulator,
  mutableStream: "people",
  batchSize: 40,
});
`;
}

export function mappersTestTs(): string {
  return `import { describe, expect, it } from "vitest";
import { mapDepartment } from "../src/mappers/department";
import { mapPerson } from "../src/mappers/person";

// Mappers are pure: test them on recorded payloads (add the provider's real samples under test/fixtures/).
describe("mappers", () => {
  it("maps a person, keeping references as remote ids", () => {
    // Tried: a complete raw person. Must hold: names split, status normalised, references kept.
    const mapped = mapPerson({
      id: "7",
      name: "Ada Lovelace",
      email: "ada@example.com",
      department_id: "10",
      manager_id: "1",
      status: "on_leave",
    });
    expect(mapped.ok && mapped.value).toMatchObject({
      remoteId: "7",
      firstName: "Ada",
      lastName: "Lovelace",
      status: "leave",
      remoteStatus: "on_leave",
      departmentRemoteId: "10",
      managerRemoteId: "1",
    });
  });

  it("reports a record it cannot map, with its id and a reason", () => {
    // Tried: a person whose name is not a string. Must hold: not ok, remote id and reason given.
    const mapped = mapPerson({ id: "8", name: { first: "Ada" }, status: "active" });
    expect(mapped).toMatchObject({ ok: false, remoteId: "8" });
    expect(mapped.ok ? "" : mapped.reason).toContain("name");
  });

  it("maps a department", () => {
    expect(mapDepartment({ id: "10", name: "Engineering" })).toMatchObject({
      ok: true,
      value: { remoteId: "10", name: "Engineering" },
    });
  });
});
`;
}
