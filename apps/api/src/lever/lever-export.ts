import { type HireSetupCheck, type HttpOptions, verifyHireSetup } from "@roster/hire-export";
import type { Logger } from "@roster/logger";
import { requireConnector } from "@roster/registry";
import type { z } from "zod";

export const LEVER_ID = "lever";
/** The import channel the Lever page collects beside the Lever key: Zenefits', as Lever's own integration does. */
export const LEVER_CHANNEL_ID = "zenefits";

const channelSchema = (): z.ZodType<Record<string, unknown>> => {
  const schema = requireConnector(LEVER_CHANNEL_ID).actions?.importHire?.credentials;
  if (!schema) throw new Error(`The ${LEVER_CHANNEL_ID} connector has no import channel`);
  return schema as z.ZodType<Record<string, unknown>>;
};

/**
 * The stored credentials of a Lever connection: the Lever side (API key, webhook signing
 * token, base URL) and the Zenefits import channel entered with it (company id, client secret,
 * base URL), each checked by its connector's own schema.
 */
export const leverCredentialsSchema: z.ZodType<Record<string, unknown>> = (
  requireConnector(LEVER_ID).manifest.credentials as z.ZodType<Record<string, unknown>>
).and(channelSchema());

/**
 * The stored credentials when hires go to another HRIS connection: Lever's own are required,
 * and the Zenefits import channel's, if stored earlier, are kept as they are.
 */
export const leverOnlyCredentialsSchema: z.ZodType<Record<string, unknown>> = (
  requireConnector(LEVER_ID).manifest.credentials as unknown as z.ZodObject
).loose();

/**
 * Both sides of the Lever page's Verify: `zenefits` is the HRIS side (Zenefits' import channel
 * unless another HRIS connection is chosen), `targetName` names it.
 */
export interface LeverSetupCheck {
  lever: HireSetupCheck["source"];
  zenefits: HireSetupCheck["target"];
  targetName: string;
}

/**
 * The Lever page's Verify: a real request to Lever with the values as entered, and to the HRIS
 * hires go to: the Zenefits import channel entered on the page, or `target`, a chosen HRIS
 * connection with the credentials its import runs with.
 */
export async function verifyLeverSetup(input: {
  credentials: unknown;
  target?: { connectorId: string; name: string; credentials: unknown };
  log?: Logger;
  http?: HttpOptions;
}): Promise<LeverSetupCheck> {
  const target = input.target ?? {
    connectorId: LEVER_CHANNEL_ID,
    name: requireConnector(LEVER_CHANNEL_ID).manifest.name,
    credentials: input.credentials,
  };
  const check = await verifyHireSetup({
    source: { connectorId: LEVER_ID, credentials: input.credentials },
    target: { connectorId: target.connectorId, credentials: target.credentials },
    ...(input.log ? { log: input.log } : {}),
    ...(input.http ? { http: input.http } : {}),
  });
  return { lever: check.source, zenefits: check.target, targetName: target.name };
}

export { type LeverSettings, leverSettingsSchema, parseLeverSettings } from "./lever-settings";
