import { z } from "zod";
import { emailField, idField, newPasswordField, personNameField, roleField } from "./fields";

export const createInviteInput = z.object({ email: emailField, role: roleField });
export type CreateInviteInput = z.infer<typeof createInviteInput>;

export const inviteTokenInput = z.object({
  token: z.string().min(20, "This invite link is incomplete").max(200, "This invite link is not valid"),
});
export type InviteTokenInput = z.infer<typeof inviteTokenInput>;

/** A new account for the invited email: the email comes from the invite itself. */
export const acceptInviteWithSignUpInput = inviteTokenInput.extend({ name: personNameField, password: newPasswordField });
export type AcceptInviteWithSignUpInput = z.infer<typeof acceptInviteWithSignUpInput>;

export const revokeInviteInput = z.object({ inviteId: idField });
export type RevokeInviteInput = z.infer<typeof revokeInviteInput>;
