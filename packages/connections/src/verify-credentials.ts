import { type Connector, ConnectorError, createConnectorContext, describeCredentials, type VerifyResult } from "@roster/core";
import { type ConnectionDeps, ConnectionError } from "./deps";
import { permissionEffects } from "./permission-effects";

export function findConnector(deps: ConnectionDeps, connectorId: string): Connector {
  const connector = deps.connectors.find((c) => c.manifest.id === connectorId);
  if (!connector) throw new ConnectionError("not_found", `No connector "${connectorId}" is installed`);
  return connector;
}

/**
 * Parses credentials with the connector's schema (after the deployment's defaults) and
 * verifies them with a real request. Failures come back as a ConnectionError carrying the
 * kind and the hint, so the form can say what to do.
 */
export async function verifyCredentials(
  deps: ConnectionDeps,
  connectorId: string,
  input: Record<string, unknown>,
): Promise<{ connector: Connector; credentials: Record<string, unknown>; verify: VerifyResult }> {
  const connector = findConnector(deps, connectorId);
  const merged = { ...deps.credentialDefaults?.[connectorId], ...stripEmpty(input) };
  const parsed = connector.manifest.credentials.safeParse(merged);
  const fields: Record<string, string> = parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "credentials", i.message]));
  // The credentials are sent to a URL field's address: only over http(s).
  for (const field of describeCredentials(connector.manifest.credentials)) {
    const value = merged[field.name];
    if (field.kind === "url" && typeof value === "string" && !/^https?:\/\//i.test(value)) {
      fields[field.name] = "An http:// or https:// URL";
    }
  }
  if (!parsed.success || Object.keys(fields).length > 0) {
    throw new ConnectionError("invalid", "Some fields are missing or malformed", { fields });
  }
  const credentials = parsed.data as Record<string, unknown>;
  try {
    const ctx = createConnectorContext(connector, credentials, {
      log: deps.log,
      retry: deps.verify?.retry ?? { maxAttempts: 3 },
      timeoutMs: deps.verify?.timeoutMs ?? 15_000,
    });
    return { connector, credentials, verify: await connector.verify(ctx) };
  } catch (error) {
    if (error instanceof ConnectorError) {
      throw new ConnectionError("verify_failed", error.message, { kind: error.kind, hint: error.hint });
    }
    throw error;
  }
}

/** Blank form fields are not given: on rotate they keep the stored values. */
export function stripEmpty(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ""));
}

/**
 * Verify without storing (the connect form's Verify): the account and the checklist, each
 * permission granted or missing with what it feeds.
 */
export async function previewCredentials(deps: ConnectionDeps, connectorId: string, input: Record<string, unknown>) {
  const { connector, verify } = await verifyCredentials(deps, connectorId, input);
  return {
    account: verify.account,
    permissions: permissionEffects(
      connector,
      connector.manifest.permissions.map((p) => p.id),
    ).map((effect) => ({ ...effect, state: verify.granted.includes(effect.id) ? ("granted" as const) : ("missing" as const) })),
  };
}
