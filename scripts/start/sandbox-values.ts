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

/** The BambooHR simulator's sandbox company and full-access key (fixed by its --sandbox mode). */
export const BAMBOOHR_SANDBOX_COMPANY_DOMAIN = "acme";
export const BAMBOOHR_SANDBOX_API_KEY = "5a4db0c55a4db0c55a4db0c55a4db0c55a4db0c5";
/**
 * Any value works: the API gives the simulator the connection's own key when it points the
 * simulator's webhook at it. This one is printed so there is one to paste.
 */
export const BAMBOOHR_SANDBOX_WEBHOOK_KEY = "bamboohr-sandbox-webhook-key";

/** By connector id, the sentence the connect form shows in sandbox mode. */
export const sandboxConnectHints: Record<string, string> = {
  zenefits: "Sandbox: the Zenefits simulator's access token is zen-sandbox-demo-token.",
  bamboohr: `Sandbox: company domain ${BAMBOOHR_SANDBOX_COMPANY_DOMAIN}, API key ${BAMBOOHR_SANDBOX_API_KEY}, webhook private key ${BAMBOOHR_SANDBOX_WEBHOOK_KEY} (any value works; saving points the simulator's webhook at this connection).`,
};

/** The BambooHR lines `pnpm start` prints under "ready". */
export function sandboxBambooHrLines(ports: { web: number; bamboohr: number }): string[] {
  return [
    `BambooHR (sandbox), in Settings → Integrations → BambooHR (http://localhost:${ports.web}/settings/integrations/bamboohr):`,
    `  Company domain:      ${BAMBOOHR_SANDBOX_COMPANY_DOMAIN}`,
    `  API key:             ${BAMBOOHR_SANDBOX_API_KEY}`,
    `  Webhook private key: ${BAMBOOHR_SANDBOX_WEBHOOK_KEY}`,
    "  The API points the BambooHR simulator's webhook at the connection, so a change there re-syncs that person:",
    `  curl -X POST http://127.0.0.1:${ports.bamboohr}/__admin/employees/<id> -H 'content-type: application/json' -d '{"jobTitle":"CTO"}'  (ids: http://127.0.0.1:${ports.bamboohr}/__admin/truth)`,
  ];
}
