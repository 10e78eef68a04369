import { letterMark, type Manifest, secret } from "@roster/core";
import { z } from "zod";

export const BAMBOOHR_BASE_URL = "https://api.bamboohr.com";

/**
 * Reference: /work/shared/reference/bamboohr-api.md §1.1 (gateway URL), §1.2 (the key as Basic
 * username), §5.3 (the webhook's private key). `secret()` wraps each whole field, `.optional()`
 * included, so the secret registry sees the schema the object actually holds.
 */
export const bamboohrCredentials = z.object({
  companyDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "only the part before .bamboohr.com, e.g. acme")
    .meta({
      title: "Company domain",
      description: "The part before .bamboohr.com in your BambooHR address: acme for https://acme.bamboohr.com.",
    }),
  apiKey: secret(
    z.string().trim().min(16, "a BambooHR API key is 40 characters").meta({
      title: "API key",
      description:
        "Created in BambooHR by clicking your name (top right) → API Keys → Add New Key. Roster reads what that user may see.",
    }),
  ),
  webhookPrivateKey: secret(
    z.string().trim().min(1).optional().meta({
      title: "Webhook private key",
      description:
        "Shown once when a webhook is created in BambooHR (Settings → Webhooks). Without it webhook deliveries are refused and changes arrive with the next scheduled sync.",
    }),
  ),
  baseUrl: z.string().url().default(BAMBOOHR_BASE_URL).meta({
    advanced: true,
    title: "API host",
    description: "Where BambooHR's API answers; change it only for a test server or a regional host.",
  }),
});
export type BambooHrCredentials = z.infer<typeof bamboohrCredentials>;

/**
 * The field groups Roster reads, as a BambooHR admin sets them in an access level (Settings →
 * Access Levels). BambooHR permissions are per field; each group here is granted only when the
 * key's user can read every field of it (field-access.ts), so a group is never half-read.
 */
export const bamboohrPermissions = [
  { id: "workContact", label: "Work contact (Work Email, Work Phone)" },
  { id: "personalContact", label: "Personal contact (Home Email, Mobile Phone, Home Phone)" },
  { id: "jobInfo", label: "Job information (Job Title, Department, Division, Location)" },
  { id: "reportsTo", label: "Reports To (supervisor)" },
  { id: "employmentStatus", label: "Employment status and termination date" },
  { id: "hireDates", label: "Hire Date and Original Hire Date" },
  { id: "customFields", label: "Custom fields" },
] as const;

export type BambooHrPermissionId = (typeof bamboohrPermissions)[number]["id"];

export const manifest = {
  id: "bamboohr",
  name: "BambooHR",
  logo: letterMark("B", "#5e9e1f"),
  kind: "hris",
  docsUrl: "https://documentation.bamboohr.com/docs/getting-started",
  credentials: bamboohrCredentials,
  permissions: bamboohrPermissions,
  // BambooHR publishes no number (reference §1.5); it throttles with 503 (429 from 2026-09-16),
  // both retried by the client. A sync makes few, large requests (a report per 200 people),
  // so this cap never slows one down; it keeps a burst of webhook-triggered reads or a
  // runaway loop from hammering a provider whose limit nobody outside knows.
  rateLimit: { perSecond: 10, burst: 20 },
  // The change feed misses what it cannot see: a row deleted from a history table, an option
  // renamed in a list. A weekly full read corrects it.
  fullSyncEveryHours: 168,
} satisfies Manifest<typeof bamboohrCredentials>;
