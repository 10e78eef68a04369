/**
 * Sandbox mode: the values to paste into Settings → Integrations → Lever, read from the running
 * simulators (the Lever simulator's sandbox key and signing token are fixed; the Zenefits
 * company id and client secret come from the Zenefits simulator's admin endpoint).
 */
export const LEVER_SANDBOX_API_KEY = "lever-sandbox-api-key";
export const LEVER_SANDBOX_SIGNING_TOKEN = "lever-sandbox-signing-token";

export interface SandboxLeverValues {
  leverApiKey: string;
  leverSigningToken: string;
  zenefitsCompanyId: string | null;
  zenefitsClientSecret: string | null;
}

export async function sandboxLeverValues(zenefitsUrl: string): Promise<SandboxLeverValues> {
  let company: { id?: unknown; clientSecret?: unknown } | undefined;
  for (let attempt = 0; attempt < 20 && !company; attempt++) {
    try {
      const res = await fetch(`${zenefitsUrl}/__admin/companies`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) company = ((await res.json()) as { data?: { id?: unknown; clientSecret?: unknown }[] }).data?.[0];
    } catch {
      // not listening yet
    }
    if (!company) await new Promise((r) => setTimeout(r, 250));
  }
  return {
    leverApiKey: LEVER_SANDBOX_API_KEY,
    leverSigningToken: LEVER_SANDBOX_SIGNING_TOKEN,
    zenefitsCompanyId: typeof company?.id === "string" || typeof company?.id === "number" ? String(company.id) : null,
    zenefitsClientSecret: typeof company?.clientSecret === "string" ? company.clientSecret : null,
  };
}

/** The lines `pnpm start` prints under "ready". */
export function sandboxLeverLines(values: SandboxLeverValues, ports: { web: number; lever: number }): string[] {
  return [
    `Lever (sandbox), in Settings → Integrations → Lever (http://localhost:${ports.web}/settings/integrations/lever):`,
    `  Lever API key:          ${values.leverApiKey}`,
    `  Webhook signing token:  ${values.leverSigningToken}`,
    `  Zenefits company ID:    ${values.zenefitsCompanyId ?? "(see the Zenefits simulator's output above)"}`,
    `  Zenefits client secret: ${values.zenefitsClientSecret ?? "(see the Zenefits simulator's output above)"}`,
    "  Saving the setup points the Lever simulator's webhook at this API. To hire someone in the simulator:",
    `  curl -X POST http://127.0.0.1:${ports.lever}/__admin/opportunities/<opportunity id>/hire  (ids: http://127.0.0.1:${ports.lever}/__admin/truth)`,
  ];
}
