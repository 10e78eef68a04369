import { z } from "zod";
import { connectorIdField } from "./connections";
import { emailField, idField } from "./fields";

/** The owner's own words for the email (optional: blank means none). */
export const connectLinkNoteField = z.string().trim().max(500, "Keep the note under 500 characters");

/**
 * Settings → Integrations → <HRIS> → "Send a connect link": who holds the provider's admin
 * rights, and a note for the email.
 */
export const sendConnectLinkInput = z.object({
  connectorId: connectorIdField,
  email: emailField,
  note: connectLinkNoteField.optional(),
});
export type SendConnectLinkInput = z.infer<typeof sendConnectLinkInput>;

export const listConnectLinksInput = z.object({ connectorId: connectorIdField });

export const revokeConnectLinkInput = z.object({ linkId: idField });
