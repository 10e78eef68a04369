import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectorError } from "@roster/core";
import { ALL_SCOPES, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zenefits, zenefitsPermissions, zenefitsStreams } from "../src/index";
import { contextFor, readStream, startStandIn } from "./harness";

let sim: ZenefitsSim;
beforeAll(async () => {
  sim = await startZenefitsSim({ port: 0, people: 30, seed: 11 });
});
afterAll(async () => {
  await sim?.close();
});

/** A base URL nothing listens on: bind a port, then free it. */
async function closedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

const labelOf = (id: string) => zenefitsPermissions.find((permission) => permission.id === id)?.label;

describe("verify", () => {
  it("a token with every scope: the company's id and name, all twelve permissions granted", async () => {
    const result = await zenefits.verify(contextFor(sim));
    expect(result.account).toEqual({ id: sim.companyId, name: sim.truth().companies[0]?.name });
    expect(result.granted.map(labelOf).sort()).toEqual(zenefitsPermissions.map((permission) => permission.label).sort());
    expect(result.missing).toEqual([]);
  });

  it.each(zenefitsPermissions.map((permission) => [permission.label, permission.id] as const))(
    'a token without "%s": exactly that permission is missing',
    async (label, id) => {
      const token = sim.createToken({ scopes: ALL_SCOPES.filter((scope) => scope !== id) });
      const result = await zenefits.verify(contextFor(sim, token));
      expect(result.missing.map(labelOf)).toEqual([label]);
      expect(result.granted).not.toContain(id);
      expect(result.granted).toHaveLength(zenefitsPermissions.length - 1);
    },
  );

  it("a token without the companies scope still verifies, naming the account by company id", async () => {
    const token = sim.createToken({ scopes: ALL_SCOPES.filter((scope) => scope !== "companies") });
    const result = await zenefits.verify(contextFor(sim, token));
    expect(result.account).toEqual({ id: sim.companyId, name: `Zenefits company ${sim.companyId}` });
    expect(result.missing).toEqual([]);
  });

  it("a revoked token fails as invalid_credentials with an actionable hint, without retry loops", async () => {
    const token = sim.createToken();
    sim.revokeToken(token);
    sim.clearRequestLog();
    const error = await rejection(zenefits.verify(contextFor(sim, token)));
    expect(error.kind).toBe("invalid_credentials");
    expect(error.message).toMatch(/revoked/);
    expect(error.hint).toMatch(/Add Token/);
    expect(sim.requestLog().total).toBe(1);
  });

  it("an unknown token fails as invalid_credentials", async () => {
    const error = await rejection(zenefits.verify(contextFor(sim, "not-a-real-token-123")));
    expect(error.kind).toBe("invalid_credentials");
  });

  it("an unreachable base URL fails as unreachable", async () => {
    const baseUrl = await closedBaseUrl();
    const error = await rejection(
      zenefits.verify(
        contextFor({ url: baseUrl, defaultToken: "whatever-token" }, undefined, {
          retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
        }),
      ),
    );
    expect(error.kind).toBe("unreachable");
  });

  it("a token Zenefits reports as uninstalled (/core/me uninstalled: true) fails as invalid_credentials", async () => {
    const standIn = await startStandIn({
      data: { object: "/core/me", company: null, person: null, scopes: [], expires: null, uninstalled: true },
      error: null,
      object: "/meta/response",
      status: 200,
    });
    try {
      const error = await rejection(zenefits.verify(contextFor({ url: standIn.url, defaultToken: "uninstalled-token" })));
      expect(error.kind).toBe("invalid_credentials");
      expect(error.message).toMatch(/uninstalled/);
      expect(await zenefits.health(contextFor({ url: standIn.url, defaultToken: "uninstalled-token" }))).toMatchObject({
        status: "broken",
      });
    } finally {
      await standIn.close();
    }
  });

  it("reading a stream whose permission is missing fails with 403 as forbidden, naming the checkbox", async () => {
    const token = sim.createToken({ scopes: ALL_SCOPES.filter((scope) => scope !== "departments") });
    const error = await rejection(readStream(zenefitsStreams.departments, contextFor(sim, token)));
    expect(error.kind).toBe("forbidden");
    expect(error.status).toBe(403);
    expect(error.hint).toContain("Company departments");
  });

  it("every stream that requires a permission declares one of the manifest's twelve", () => {
    const ids = new Set(zenefitsPermissions.map((permission) => permission.id));
    for (const stream of Object.values(zenefitsStreams)) {
      for (const id of stream.requires ?? []) expect(ids).toContain(id);
    }
  });
});

describe("health", () => {
  it("is ok for a token with every scope", async () => {
    expect(await zenefits.health(contextFor(sim))).toEqual({ status: "ok" });
  });

  it("is degraded, naming the permission, when the token lacks one", async () => {
    const token = sim.createToken({ scopes: ALL_SCOPES.filter((scope) => scope !== "people.manager") });
    const result = await zenefits.health(contextFor(sim, token));
    expect(result.status).toBe("degraded");
    expect(result.reason).toContain("Manager");
  });

  it("is degraded when Zenefits keeps rate limiting", async () => {
    sim.setFaults({ rateLimitPerSecond: 1, rateLimitBurst: 1 });
    try {
      const ctx = contextFor(sim, sim.defaultToken, { retry: { maxAttempts: 1 } });
      await zenefits.health(ctx); // takes the one token in the bucket
      const result = await zenefits.health(ctx);
      expect(result.status).toBe("degraded");
      expect(result.reason).toMatch(/rate limit/i);
    } finally {
      sim.clearFaults();
    }
  });

  it("is broken for a revoked token", async () => {
    const token = sim.createToken();
    sim.revokeToken(token);
    const result = await zenefits.health(contextFor(sim, token));
    expect(result.status).toBe("broken");
    expect(result.reason).toMatch(/revoked/);
  });

  it("is broken for an unreachable base URL", async () => {
    const baseUrl = await closedBaseUrl();
    const result = await zenefits.health(
      contextFor({ url: baseUrl, defaultToken: "whatever-token" }, undefined, { retry: { maxAttempts: 1 } }),
    );
    expect(result.status).toBe("broken");
  });
});
