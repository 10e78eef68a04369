import { letterMark, type Manifest, secret } from "@roster/core";
import { z } from "zod";

/** Reference: /work/shared/reference/lever-api.md §1 (hosts, Basic auth with the API key as username). */
export const LEVER_BASE_URL = "https://api.lever.co/v1";

export const leverCredentials = z.object({
  /** Created by a Lever Super Admin: Settings → Integrations and API → API Credentials. */
  apiKey: secret(
    z.string().min(8).meta({
      title: "Lever API key",
      description: "Settings → Integrations and API → API Credentials (a Super Admin creates it).",
    }),
  ),
  /** Settings → Integrations and API → Webhooks → "Webhook signing token"; without it deliveries cannot be trusted. */
  webhookSigningToken: secret(
    z.string().min(8).meta({
      title: "Webhook signing token",
      description: "Settings → Integrations and API → Webhooks. Without it Roster refuses Lever's deliveries.",
    }),
  ).optional(),
  /** Sandbox accounts use https://api.sandbox.lever.co/v1; the simulator its own URL + /v1. */
  baseUrl: z.string().url().default(LEVER_BASE_URL).meta({
    title: "Lever API base URL",
    description: "Only for Lever's sandbox (https://api.sandbox.lever.co/v1) or another address.",
    advanced: true,
  }),
});
export type LeverCredentials = z.infer<typeof leverCredentials>;

/**
 * The API key permissions Roster's flow reads with (reference §1 scope strings; a Lever API
 * key is granted endpoints one by one, a missing one answers 403). `id` is the scope string,
 * `label` how a Lever admin would describe the endpoint.
 */
export const leverPermissions = [
  { id: "opportunities:read:admin", label: "Opportunities (read)" },
  { id: "stages:read:admin", label: "Stages (read)" },
  { id: "archive_reasons:read:admin", label: "Archive reasons (read)" },
  { id: "postings:read:admin", label: "Postings (read)" },
  { id: "users:read:admin", label: "Users (read)" },
  { id: "offers:read:admin", label: "Offers (read)" },
  { id: "resumes:read:admin", label: "Resumes (read)" },
  { id: "files:read:admin", label: "Files (read)" },
  { id: "interviews:read:admin", label: "Interviews (read)" },
  { id: "feedback:read:admin", label: "Feedback (read)" },
] as const;

export type LeverPermissionId = (typeof leverPermissions)[number]["id"];

export const manifest = {
  id: "lever",
  name: "Lever",
  logo: letterMark("L", "#2f3e4e"),
  kind: "ats",
  docsUrl: "https://hire.lever.co/developer/documentation",
  connectHelp: "A Lever Super Admin creates an API key and a webhook signing token under Settings → Integrations and API.",
  credentials: leverCredentials,
  permissions: leverPermissions,
  // Reference §2: token bucket per API key, 10 requests/s steady, bursts of 20.
  rateLimit: { perSecond: 10, burst: 20 },
} satisfies Manifest<typeof leverCredentials>;
