import { z } from "zod";
import { emailField, idField } from "./fields";

/**
 * A provider's access token as pasted into a password field. Only its shape is checked here;
 * the connector's own schema and a real request to the provider decide whether it works.
 */
export const accessTokenField = z
  .string()
  .trim()
  .min(1, "Paste the access token")
  .min(8, "That token is too short: paste the whole token")
  .max(2000, "That token is too long: paste only the token");

/** Where failure emails go, besides every owner. */
export const notificationEmailField = emailField;

export const connectionIdInput = z.object({ connectionId: idField });
export type ConnectionIdInput = z.infer<typeof connectionIdInput>;

/**
 * Settings → Advanced: the provider's API base URL (a regional or staging endpoint, a replay
 * server). Blank keeps the deployment's default. Only http(s): the token is sent there.
 */
export const baseUrlField = z
  .string()
  .trim()
  .refine((v) => v === "" || z.url({ protocol: /^https?$/ }).safeParse(v).success, "An http:// or https:// URL, or blank")
  .optional();

/** Settings → HRIS integration → Zenefits → Save. */
export const connectZenefitsInput = z.object({
  accessToken: accessTokenField,
  notificationEmail: notificationEmailField,
  baseUrl: baseUrlField,
});
export type ConnectZenefitsInput = z.infer<typeof connectZenefitsInput>;

/**
 * A fresh token for an existing connection: verified before it replaces the old one. One that
 * grants fewer permissions than the current is refused until `confirmFewerPermissions`.
 */
export const rotateTokenInput = z.object({
  connectionId: idField,
  accessToken: accessTokenField,
  baseUrl: baseUrlField,
  confirmFewerPermissions: z.boolean().optional(),
});
export type RotateTokenInput = z.infer<typeof rotateTokenInput>;

export const setNotificationEmailInput = z.object({ connectionId: idField, notificationEmail: notificationEmailField });
export type SetNotificationEmailInput = z.infer<typeof setNotificationEmailInput>;

/** Sync history, newest first. */
export const connectionRunsInput = z.object({ connectionId: idField, limit: z.number().int().min(1).max(100).default(25) });
export type ConnectionRunsInput = z.input<typeof connectionRunsInput>;

/** One run with its errors ("View errors"); the connection id comes from the URL and must match. */
export const connectionRunInput = z.object({ connectionId: idField, runId: idField });
export type ConnectionRunInput = z.infer<typeof connectionRunInput>;
