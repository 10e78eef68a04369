import { lever, leverPermissions } from "@roster/connector-lever";
import { verifyZenefitsAts } from "@roster/connector-zenefits/ats";
import { ConnectorError } from "@roster/core";
import { createLogger, type Logger } from "@roster/logger";
import { leverContext, zenefitsContext } from "./contexts";
import type { HttpOptions } from "./deps";
import { leverCredentialsSchema } from "./settings";

export interface SideCheck {
  ok: boolean;
  /** What failed and what to do, in words a person acts on. */
  error?: string;
  /** It works, but something is worth knowing. */
  warning?: string;
}

export interface LeverSetupCheck {
  lever: SideCheck;
  zenefits: SideCheck;
}

const ZENEFITS_FIELDS = new Set(["zenefitsCompanyId", "zenefitsClientSecret", "zenefitsBaseUrl"]);

function explain(error: unknown): string {
  if (error instanceof ConnectorError) return error.hint ? `${error.message}. ${error.hint}` : error.message;
  return (error as Error)?.message ?? String(error);
}

/**
 * The settings page's "Verify": a real request to each side with the credentials as entered,
 * saying which side failed and why. Lever: every permission the export reads is probed
 * (a missing one is named). Zenefits: the ATS channel's verify call.
 */
export async function verifyLeverSetup(input: {
  credentials: unknown;
  log?: Logger;
  http?: HttpOptions;
}): Promise<LeverSetupCheck> {
  const log = input.log ?? createLogger("hire-export:verify");
  const parsed = leverCredentialsSchema.safeParse(input.credentials);
  if (!parsed.success) {
    const problems = (zenefits: boolean) =>
      parsed.error.issues
        .filter((i) => ZENEFITS_FIELDS.has(String(i.path[0])) === zenefits)
        .map((i) => `${i.path.join(".")}: ${i.message}`);
    const side = (list: string[]): SideCheck =>
      list.length ? { ok: false, error: `Incomplete: ${list.join("; ")}` } : { ok: true };
    return { lever: side(problems(false)), zenefits: side(problems(true)) };
  }
  const credentials = parsed.data;
  const [leverCheck, zenefitsCheck] = await Promise.all([
    checkLever(leverContext(credentials, log, input.http), credentials.webhookSigningToken),
    verifyZenefitsAts(zenefitsContext(credentials, log, input.http)).then(
      (): SideCheck => ({ ok: true }),
      (error: unknown): SideCheck => ({ ok: false, error: explain(error) }),
    ),
  ]);
  return { lever: leverCheck, zenefits: zenefitsCheck };
}

async function checkLever(ctx: Parameters<typeof lever.verify>[0], signingToken: string | undefined): Promise<SideCheck> {
  try {
    const result = await lever.verify(ctx);
    if (result.missing.length > 0) {
      const labels = result.missing.map((id) => leverPermissions.find((p) => p.id === id)?.label ?? id);
      return {
        ok: false,
        error: `The Lever API key lacks ${labels.join(", ")}. Edit the key's permissions in Lever (Settings → Integrations and API → API Credentials).`,
      };
    }
    if (!signingToken) {
      return { ok: true, warning: "No webhook signing token: hires are found by the periodic reconciliation only, not at once." };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: explain(error) };
  }
}
