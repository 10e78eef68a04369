import { expect } from "vitest";
import type { ContractHarness } from "../harness";
import { defineCheck, sorted } from "./check";

async function snapshot(h: ContractHarness) {
  const all = new Map<string, unknown>();
  for (const stream of Object.keys(h.connector.streams)) all.set(stream, await h.state(stream));
  return all;
}

export const transientFaultsCheck = defineCheck({
  id: "transient-faults",
  title: "5xx responses and a burst of 429s are retried and the sync still converges to the provider's data",
  async run(h) {
    await h.sim.mutate({ update: 1, add: 1, remove: 1 });
    try {
      await h.sim.setFaults({ serverErrorRate: 0.2 });
      const outcome = await h.sync();
      expect(outcome.errorMessage ?? "").toBe("");
      await h.sim.setFaults({ rateLimitBurst: true });
      expect((await h.sync()).status).toBe("succeeded");
    } finally {
      await h.sim.clearFaults();
    }
    const truth = await h.sim.truth();
    expect(await h.liveIds(h.options.mutableStream)).toEqual(sorted(truth[h.options.mutableStream] ?? []));
  },
});

export const persistentFaultsCheck = defineCheck({
  id: "persistent-faults",
  title: "when the provider keeps failing, the run fails with provider_error and a hint, and the stored data is untouched",
  async run(h) {
    expect((await h.sync()).status).toBe("succeeded");
    const before = await snapshot(h);
    try {
      await h.sim.setFaults({ serverErrorRate: 1 });
      const outcome = await h.sync();
      expect(outcome.status).toBe("failed");
      expect(outcome.errorKind).toBe("provider_error");
    } finally {
      await h.sim.clearFaults();
    }
    expect(await snapshot(h)).toEqual(before);
  },
});

export const truncatedPageCheck = defineCheck({
  id: "truncated-page",
  title: "a truncated page fails the run with a clear error, marks nothing deleted and leaves the stored data intact",
  async run(h) {
    expect((await h.sync()).status).toBe("succeeded");
    const before = await snapshot(h);
    try {
      await h.sim.setFaults({ truncateEveryPage: true });
      const outcome = await h.sync();
      expect(outcome.status).toBe("failed");
      expect(outcome.errorMessage).toMatch(/truncated|malformed/i);
    } finally {
      await h.sim.clearFaults();
    }
    expect(await snapshot(h)).toEqual(before);
  },
});

export const revokedTokenCheck = defineCheck({
  id: "revoked-token",
  title: "a revoked token fails the run with invalid_credentials and leaves the stored data intact",
  async run(h) {
    const credentials = await h.credentials();
    expect((await h.sync({ credentials })).status).toBe("succeeded");
    const before = await snapshot(h);
    await h.sim.revoke(credentials);
    const outcome = await h.sync({ credentials });
    expect(outcome.status).toBe("failed");
    expect(outcome.errorKind).toBe("invalid_credentials");
    expect(await snapshot(h)).toEqual(before);
  },
});
