import { ConnectorError, createConnectorContext, secretFieldNames } from "@roster/core";
import { expect } from "vitest";
import { defineCheck } from "./check";

export const manifestCheck = defineCheck({
  id: "manifest",
  title:
    "the manifest is complete: unique permissions, secret fields marked, streams require known permissions and map to distinct models",
  async run(h) {
    const { manifest, streams } = h.connector;
    expect(manifest.id).toMatch(/^[a-z][a-z0-9-]*$/);
    const ids = manifest.permissions.map((p) => p.id);
    expect(new Set(ids).size, "permission ids are unique").toBe(ids.length);
    for (const p of manifest.permissions) expect(p.label.length, `label of ${p.id}`).toBeGreaterThan(0);
    expect(secretFieldNames(manifest.credentials).length, "at least one credential field is marked secret()").toBeGreaterThan(0);
    const models = Object.values(streams).map((s) => s.model);
    expect(new Set(models).size, "each stream maps to its own model").toBe(models.length);
    for (const [name, stream] of Object.entries(streams)) {
      for (const required of stream.requires ?? [])
        expect(ids, `stream ${name} requires a declared permission`).toContain(required);
    }
  },
});

export const verifyAcceptsCheck = defineCheck({
  id: "verify-accepts",
  title: "verify accepts good credentials, names the account and reports every permission granted",
  async run(h) {
    const ctx = createConnectorContext(h.connector, h.usedCredentials[0], { log: h.log });
    const result = await h.connector.verify(ctx);
    expect(result.account.id).toBeTruthy();
    expect(result.account.name).toBeTruthy();
    expect(result.missing).toEqual([]);
    expect([...result.granted].sort()).toEqual(h.connector.manifest.permissions.map((p) => p.id).sort());
  },
});

async function verifyError(h: Parameters<typeof verifyAcceptsCheck.run>[0], credentials: unknown): Promise<unknown> {
  const ctx = createConnectorContext(h.connector, credentials, { log: h.log, retry: { maxAttempts: 2, baseDelayMs: 1 } });
  return h.connector.verify(ctx).then(
    () => undefined,
    (error) => error,
  );
}

export const verifyRejectsCheck = defineCheck({
  id: "verify-rejects",
  title: "verify rejects bad and revoked credentials with the invalid_credentials kind and an actionable message",
  async run(h) {
    const bad = await verifyError(h, await h.sim.invalidCredentials());
    expect(bad, "bad credentials must be rejected").toBeInstanceOf(ConnectorError);
    expect((bad as ConnectorError).kind).toBe("invalid_credentials");
    expect((bad as ConnectorError).hint).toBeTruthy();
    const revoked = await h.credentials();
    await h.sim.revoke(revoked);
    const error = await verifyError(h, revoked);
    expect(error, "revoked credentials must be rejected").toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).kind).toBe("invalid_credentials");
  },
});

export const missingPermissionsCheck = defineCheck({
  id: "missing-permissions",
  title: "each permission withheld from the token is detected and named",
  async run(h) {
    for (const permission of h.connector.manifest.permissions) {
      const credentials = await h.credentials({ without: [permission.id] });
      const result = await h.connector.verify(createConnectorContext(h.connector, credentials, { log: h.log }));
      expect(result.missing, `withholding "${permission.label}"`).toEqual([permission.id]);
      expect(result.granted).not.toContain(permission.id);
    }
  },
});
