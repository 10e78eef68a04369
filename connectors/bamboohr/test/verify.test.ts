import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectorError, createConnectorContext, secretFieldNames } from "@roster/core";
import { type BambooHrSim, startBambooHrSim } from "@roster/sim-bamboohr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { bamboohr, bamboohrCredentials, bamboohrPermissions, bamboohrStreams } from "../src/index";
import { contextFor, credentialsFor, fastRetry, keyWithout, readStream } from "./harness";

let sim: BambooHrSim;
beforeAll(async () => {
  sim = await startBambooHrSim({ employees: 30, seed: 11 });
});
afterAll(async () => {
  await sim?.close();
});

async function rejection(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/** A host nothing listens on: bind a port, then free it. */
async function closedHost(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe("credentials", () => {
  it("the key and the webhook's private key are secret; each field has a title and help text; the host is advanced", () => {
    expect(secretFieldNames(bamboohrCredentials).sort()).toEqual(["apiKey", "webhookPrivateKey"]);
    const meta = (field: keyof typeof bamboohrCredentials.shape) => z.globalRegistry.get(bamboohrCredentials.shape[field]);
    for (const field of ["companyDomain", "apiKey", "webhookPrivateKey", "baseUrl"] as const) {
      expect(meta(field)?.title, field).toBeTruthy();
      expect(meta(field)?.description, field).toBeTruthy();
    }
    expect(meta("companyDomain")?.title).toBe("Company domain");
    expect(meta("baseUrl")).toMatchObject({ advanced: true });
  });

  it("the company domain is the subdomain alone; a pasted address is refused with what to enter", () => {
    const parsed = bamboohrCredentials.safeParse({ companyDomain: "https://acme.bamboohr.com", apiKey: "a".repeat(40) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/part before \.bamboohr\.com/);
    const ok = bamboohrCredentials.parse({ companyDomain: " Acme ", apiKey: "a".repeat(40) });
    expect(ok).toMatchObject({ companyDomain: "acme", baseUrl: "https://api.bamboohr.com" });
  });

  it("requests go to the company's gateway path with the key as Basic username and x as password", () => {
    const target = bamboohr.http(bamboohrCredentials.parse({ companyDomain: "acme", apiKey: "k".repeat(40) }));
    expect(target.baseUrl).toBe("https://api.bamboohr.com/api/gateway.php/acme/");
    expect(Buffer.from(target.headers.authorization!.replace("Basic ", ""), "base64").toString()).toBe(`${"k".repeat(40)}:x`);
    expect(target.headers.accept).toBe("application/json");
  });
});

describe("verify", () => {
  it("the full-access key: the account is the company's address, every field group granted", async () => {
    const result = await bamboohr.verify(contextFor(sim));
    expect(result.account).toEqual({ id: "acme", name: "acme.bamboohr.com" });
    expect(result.granted.sort()).toEqual(bamboohrPermissions.map((p) => p.id).sort());
    expect(result.missing).toEqual([]);
  });

  it("the seeded restricted user (no personal contact, no supervisor, no pay): exactly those groups Roster reads are missing", async () => {
    const result = await bamboohr.verify(contextFor(sim, sim.restrictedApiKey));
    expect(result.missing.sort()).toEqual(["personalContact", "reportsTo"]);
  });

  it("one custom field hidden (the one without an alias) makes custom fields missing: a group is never half-read", async () => {
    const key = sim.createApiKey({ access: { hiddenFields: ["4003"] } }).key;
    expect((await bamboohr.verify(contextFor(sim, key))).missing).toEqual(["customFields"]);
  });

  it("one work contact field hidden makes work contact missing", async () => {
    const key = sim.createApiKey({ access: { hiddenFields: ["workPhone"] } }).key;
    expect((await bamboohr.verify(contextFor(sim, key))).missing).toEqual(["workContact"]);
  });

  it("verify reads no employees: the probe report is empty whatever the company's size", async () => {
    sim.clearRequestLog();
    await bamboohr.verify(contextFor(sim));
    expect(sim.requestLog().byRoute).toEqual({ "GET /v1/meta/fields": 1, "GET /v1/meta/lists": 1, "POST /v1/reports/custom": 1 });
  });

  it("a wrong key is invalid_credentials whose hint says where BambooHR API keys are made", async () => {
    const error = await rejection(bamboohr.verify(contextFor(sim, "0".repeat(40))));
    expect(error.kind).toBe("invalid_credentials");
    expect(error.hint).toMatch(/API Keys/);
    expect(error.message).toMatch(/acme/);
  });

  it("a disabled user's key and a revoked key are invalid_credentials", async () => {
    const { key, userId } = sim.createApiKey();
    sim.setUserStatus(userId, "disabled");
    expect((await rejection(bamboohr.verify(contextFor(sim, key)))).kind).toBe("invalid_credentials");
    const revoked = keyWithout(sim, []);
    sim.revokeApiKey(revoked);
    expect((await rejection(bamboohr.verify(contextFor(sim, revoked)))).kind).toBe("invalid_credentials");
  });

  it("an unknown company domain is invalid_credentials naming the domain and what to enter", async () => {
    const ctx = createConnectorContext(bamboohr, { ...credentialsFor(sim), companyDomain: "globex" }, { retry: fastRetry });
    const error = await rejection(bamboohr.verify(ctx));
    expect(error.kind).toBe("invalid_credentials");
    expect(error.message).toMatch(/"globex"/);
    expect(error.hint).toMatch(/before \.bamboohr\.com/);
  });

  it("an unreachable host is unreachable", async () => {
    const ctx = createConnectorContext(
      bamboohr,
      { ...credentialsFor(sim), baseUrl: await closedHost() },
      { retry: { ...fastRetry, maxAttempts: 2 } },
    );
    expect((await rejection(bamboohr.verify(ctx))).kind).toBe("unreachable");
  });
});

/**
 * The simulator behind a proxy that refuses `meta/lists` with 403, as BambooHR does for a user
 * who may not view fields (reference §2.5); the simulator itself cannot withhold it.
 */
async function listsRefused(target: BambooHrSim) {
  const server = createServer(async (req, res) => {
    if (req.url?.includes("/v1/meta/lists")) {
      res.writeHead(403, { "x-bamboohr-error-message": "You do not have access to view fields" }).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "host" && k !== "content-length"));
    const answer = await fetch(`${target.url}${req.url}`, {
      method: req.method,
      headers: headers as Record<string, string>,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    credentials: { ...credentialsFor(target), baseUrl: `http://127.0.0.1:${port}` },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("a user who may not read the list fields", () => {
  it("verify reports Job information missing; people still read, their department and location links unknown; departments refused with a hint", async () => {
    // Tried: meta/lists answers 403. Must hold: jobInfo missing (so stored links are kept), the employees stream
    // still reads everyone, and the departments stream fails as forbidden (the sync skips it, keeping its records).
    const proxy = await listsRefused(sim);
    try {
      const ctx = createConnectorContext(bamboohr, proxy.credentials, { retry: fastRetry });
      expect((await bamboohr.verify(ctx)).missing).toEqual(["jobInfo"]);
      const people = await readStream(bamboohrStreams.employees, ctx);
      expect(people.records).toHaveLength(sim.truth().employees.length);
      const mapped = people.records.map((raw) => bamboohrStreams.employees.map(raw));
      expect(mapped.every((m) => m.ok && m.value.departmentRemoteId === null && m.value.locationRemoteId === null)).toBe(true);
      expect(bamboohrStreams.employees.fieldsByPermission?.jobInfo).toEqual(
        expect.arrayContaining(["departmentRemoteId", "locationRemoteId"]),
      );
      const error = await rejection(readStream(bamboohrStreams.departments, ctx));
      expect(error.kind).toBe("forbidden");
      expect(error.hint).toMatch(/permission to view list fields/);
    } finally {
      await proxy.close();
    }
  });
});

describe("health", () => {
  it("ok with full access, degraded naming the unreadable groups, broken with a wrong key", async () => {
    expect(await bamboohr.health(contextFor(sim))).toEqual({ status: "ok" });
    const restricted = await bamboohr.health(contextFor(sim, sim.restrictedApiKey));
    expect(restricted.status).toBe("degraded");
    expect(restricted.reason).toMatch(/Personal contact.*Reports To|Reports To.*Personal contact/);
    const broken = await bamboohr.health(contextFor(sim, "0".repeat(40)));
    expect(broken.status).toBe("broken");
    expect(broken.reason).toMatch(/API Keys/);
  });

  it("degraded while BambooHR keeps throttling", async () => {
    sim.setFaults({ throttleNext: 50, throttleStatus: 503, throttleRetryAfterSeconds: 0 });
    try {
      const ctx = contextFor(sim, sim.apiKey, { retry: { ...fastRetry, maxAttempts: 2 } });
      expect((await bamboohr.health(ctx)).status).toBe("degraded");
    } finally {
      sim.clearFaults();
    }
  });
});
