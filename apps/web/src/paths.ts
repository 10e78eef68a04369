/** Every page's URL, in one place, so links and routes cannot drift apart. */
export const paths = {
  signIn: "/sign-in",
  signUp: "/sign-up",
  invite: (token: string) => `/invite/${token}`,
  dashboard: "/",
  directory: "/directory",
  person: (id: string) => `/directory/people/${id}`,
  departments: "/directory/departments",
  locations: "/directory/locations",
  /** The URLs the worker's emails link to (packages/email/src/links.ts). */
  connection: (id: string) => `/connections/${id}`,
  run: (connectionId: string, runId: string) => `/connections/${connectionId}/runs/${runId}`,
  /** A Lever connection's hire exports (the "export failed" email links here). */
  hires: (connectionId: string) => `/connections/${connectionId}/hires`,
  candidates: "/candidates",
  /** Settings → Integrations: every installed connector and its state. */
  integrations: "/settings/integrations",
  /** Settings → Integrations → <provider>, for any installed connector. */
  integration: (connectorId: string) => `/settings/integrations/${connectorId}`,
  /** Settings → Integrations → Issues: what is wrong with each connection and how to fix it. */
  issues: "/settings/issues",
  apiKeys: "/settings/developers/api-keys",
  webhooks: "/settings/developers/webhooks",
  members: "/members",
  audit: "/audit",
} as const;
