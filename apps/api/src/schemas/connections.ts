import { z } from "zod";
import { emailField, idField } from "./fields";

/** An installed connector's id, e.g. "zenefits" (its manifest id). */
export const connectorIdField = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, "Not a connector id");

/**
 * Credential values as entered in a connect form rendered from the connector's manifest: only
 * their shape here; the connector's own schema, then a real request to the provider, decide.
 * A blank value means "not given" (on rotate: keep the stored one).
 */
export const credentialsField = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, "Not a credential field name"),
  z.string().trim().max(4000, "That value is too long: paste only the credential"),
);

/** Where failure emails go, besides every owner. */
export const notificationEmailField = emailField;

export const connectionIdInput = z.object({ connectionId: idField });
export type ConnectionIdInput = z.infer<typeof connectionIdInput>;

/** Verify without storing: what the connect form's checklist shows before Save. */
export const verifyCredentialsInput = z.object({ connectorId: connectorIdField, credentials: credentialsField });
export type VerifyCredentialsInput = z.infer<typeof verifyCredentialsInput>;

/** Settings → Integrations → <provider> → Save: verified, then stored encrypted, then the first sync. */
export const connectInput = z.object({
  connectorId: connectorIdField,
  credentials: credentialsField,
  notificationEmail: notificationEmailField,
});
export type ConnectInput = z.infer<typeof connectInput>;

/**
 * Fresh credentials for an existing connection, verified before they replace the old ones in
 * place (blank fields keep their stored values). Ones that grant fewer permissions than the
 * current are refused until `confirmFewerPermissions`.
 */
export const rotateInput = z.object({
  connectionId: idField,
  credentials: credentialsField,
  confirmFewerPermissions: z.boolean().optional(),
});
export type RotateInput = z.infer<typeof rotateInput>;

export const setNotificationEmailInput = z.object({ connectionId: idField, notificationEmail: notificationEmailField });
export type SetNotificationEmailInput = z.infer<typeof setNotificationEmailInput>;

/** Sync history, newest first. */
export const connectionRunsInput = z.object({ connectionId: idField, limit: z.number().int().min(1).max(100).default(25) });
export type ConnectionRunsInput = z.input<typeof connectionRunsInput>;

/** One run with its errors ("View errors"); the connection id comes from the URL and must match. */
export const connectionRunInput = z.object({ connectionId: idField, runId: idField });
export type ConnectionRunInput = z.infer<typeof connectionRunInput>;
