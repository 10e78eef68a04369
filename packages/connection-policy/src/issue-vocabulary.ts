import type { IntegrationProblem } from "@roster/db";

/** Where the fix is done: the connector's settings (rotate form, permissions), the failed run, the hire exports, or the webhook settings. */
export type IssueFix = "rotate" | "settings" | "run" | "hires" | "webhooks";

/** Each problem in people's words: its title and what to do, naming the provider. One list for pages, emails and events. */
export const issueProblems: Record<IntegrationProblem, { title: string; fix: IssueFix; remedy: (provider: string) => string }> = {
  token_rejected: {
    title: "Token rejected",
    fix: "rotate",
    remedy: (p) => `${p} no longer accepts the stored token. Create a new token in ${p} and paste it in the rotate form.`,
  },
  permission_lost: {
    title: "Permission lost",
    fix: "settings",
    remedy: (p) =>
      `The token lost permissions it had, so some data is no longer kept current. Tick them again for the token in ${p}, or paste a token that has them.`,
  },
  provider_unreachable: {
    title: "Provider unreachable",
    fix: "run",
    remedy: (p) =>
      `Roster could not reach ${p}. It retries on its own; if this lasts, check ${p}'s status and the base URL in Settings.`,
  },
  export_failed: {
    title: "Export failed",
    fix: "hires",
    remedy: () => "A hire could not be sent to the HR system. Read the error on the hire exports page, fix it, then retry.",
  },
  webhook_failing: {
    title: "Webhook endpoint failing",
    fix: "webhooks",
    remedy: () =>
      "Your webhook endpoint keeps refusing Roster's deliveries. Check that it is up and answers 2xx, then resend the failed deliveries from the webhook settings.",
  },
};
