import { z } from "zod";
import { emailField, newPasswordField, organisationNameField, personNameField } from "./fields";

export const signUpInput = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  organisationName: organisationNameField,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: emailField,
  // Any stored password is accepted here: rules for new passwords may have changed since.
  password: z.string().min(1, "Enter your password").max(200, "Use at most 200 characters"),
});
export type SignInInput = z.infer<typeof signInInput>;
