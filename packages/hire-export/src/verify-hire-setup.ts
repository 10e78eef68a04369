import { type Connector, ConnectorError } from "@roster/core";
import { createLogger, type Logger } from "@roster/logger";
import { findConnector } from "@roster/registry";
import type { z } from "zod";
import { suppliesHires } from "./connection";
import { sourceContext, targetContext } from "./contexts";
import type { HttpOptions } from "./deps";

export interface SideCheck {
  ok: boolean;
  /** What failed and what to do, in words a person acts on. */
  error?: string;
  /** It works, but something is worth knowing. */
  warning?: string;
}

export interface HireSetupCheck {
  source: SideCheck;
  target: SideCheck;
}

function explain(error: unknown): string {
  if (error instanceof ConnectorError) return error.hint ? `${error.message}. ${error.hint}` : error.message;
  return (error as Error)?.message ?? String(error);
}

const issues = (schema: z.ZodType, value: unknown): string[] => {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};
const incomplete = (list: string[]): SideCheck =>
  list.length ? { ok: false, error: `Incomplete: ${list.join("; ")}` } : { ok: true };

/**
 * A settings page's "Verify": a real request to each side with the credentials as entered,
 * saying which side failed and why. The ATS: its connector's verify (a missing permission is
 * named). The HRIS: its importHire's verify, with the credentials it runs with. Incomplete
 * credentials are reported per side without a request.
 */
export async function verifyHireSetup(input: {
  source: { connectorId: string; credentials: unknown };
  target: { connectorId: string; credentials: unknown };
  log?: Logger;
  http?: HttpOptions;
}): Promise<HireSetupCheck> {
  const log = input.log ?? createLogger("hire-export:verify");
  const source = findConnector(input.source.connectorId);
  const target = findConnector(input.target.connectorId);
  const action = target?.actions?.importHire;
  if (!suppliesHires(source)) throw new Error(`Connector "${input.source.connectorId}" supplies no hires`);
  if (!target || !action) throw new Error(`Connector "${input.target.connectorId}" cannot receive hires`);
  const sourceIssues = issues(source.manifest.credentials, input.source.credentials);
  const targetIssues = issues(action.credentials ?? target.manifest.credentials, input.target.credentials);
  if (sourceIssues.length || targetIssues.length) return { source: incomplete(sourceIssues), target: incomplete(targetIssues) };

  const [sourceCheck, targetCheck] = await Promise.all([
    checkSource(source, input.source.credentials, log, input.http),
    Promise.resolve()
      .then(() =>
        action.verify(
          targetContext(
            { connector: target, action, connectionId: null, credentials: input.target.credentials as Record<string, unknown> },
            log,
            input.http,
          ),
        ),
      )
      .then(
        (): SideCheck => ({ ok: true }),
        (error: unknown): SideCheck => ({ ok: false, error: explain(error) }),
      ),
  ]);
  return { source: sourceCheck, target: targetCheck };
}

async function checkSource(
  connector: Connector & { hires: NonNullable<Connector["hires"]> },
  credentials: unknown,
  log: Logger,
  http?: HttpOptions,
): Promise<SideCheck> {
  const name = connector.manifest.name;
  try {
    const result = await connector.verify(sourceContext(connector, credentials, log, http));
    if (result.missing.length > 0) {
      const labels = result.missing.map((id) => connector.manifest.permissions.find((p) => p.id === id)?.label ?? id);
      return {
        ok: false,
        error: `The ${name} API key lacks ${labels.join(", ")}. Edit the key's permissions in ${name}.`,
      };
    }
    if (connector.webhook && !connector.webhook.secret(credentials)) {
      return { ok: true, warning: "No webhook signing token: hires are found by the periodic reconciliation only, not at once." };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: explain(error) };
  }
}
