import { letterMark, type Manifest, secret } from "@roster/core";
import { z } from "zod";

/** Reference: /work/shared/reference/zenefits-api.md §1 (hosts, bearer tokens). */
export const zenefitsCredentials = z.object({
  /** The REST API token an admin creates under Company Profile → Custom Integrations → "Add Token". */
  accessToken: secret(
    z
      .string()
      .min(8, "That token is too short: paste the whole token")
      .meta({ title: "Access token", description: "Stored encrypted. Roster only ever shows its last four characters." }),
  ),
  baseUrl: z.string().url().default("https://api.zenefits.com").meta({
    title: "Zenefits API base URL",
    description: "Only to reach Zenefits at another address (a regional or staging endpoint). The token is sent there.",
    advanced: true,
  }),
});
export type ZenefitsCredentials = z.infer<typeof zenefitsCredentials>;

/**
 * The token checkboxes Roster cares about. `id` is the scope string /core/me reports
 * (reference §1b; `custom_fields` / `custom_field_values` are the suggested, unconfirmed
 * strings); `label` is the checkbox wording an admin sees in Zenefits.
 */
export const zenefitsPermissions = [
  { id: "locations", label: "Company locations" },
  { id: "departments", label: "Company departments" },
  { id: "people", label: "People" },
  { id: "people.department", label: "Person's department" },
  { id: "people.location", label: "Person's location" },
  { id: "people.manager", label: "Manager" },
  { id: "people.personal_email", label: "Personal email" },
  { id: "people.status", label: "Status" },
  { id: "people.work_email", label: "Work email" },
  { id: "people.work_phone", label: "Work phone" },
  { id: "custom_fields", label: "Custom fields" },
  { id: "custom_field_values", label: "Custom field values" },
] as const;

export type ZenefitsPermissionId = (typeof zenefitsPermissions)[number]["id"];

export const manifest = {
  id: "zenefits",
  name: "Zenefits",
  logo: letterMark("Z", "#e8553d"),
  kind: "hris",
  docsUrl: "https://developers.zenefits.com/docs",
  connectHelp:
    "In Zenefits, open Company Profile → Custom Integrations → Add Token, tick the permissions below, and paste the token here.",
  credentials: zenefitsCredentials,
  permissions: zenefitsPermissions,
  // Zenefits publishes no rate limit and no rate-limit headers (reference §7). A sync reads one
  // cursor chain at a time, so at the real API's 200–500 ms a page it makes 2–5 requests a
  // second and this cap never binds; it only stops a runaway loop from hammering the
  // provider. A deployment that learns the real limit can override it per context.
  rateLimit: { perSecond: 25, burst: 50 },
} satisfies Manifest<typeof zenefitsCredentials>;
