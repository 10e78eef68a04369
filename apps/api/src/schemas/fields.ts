import { z } from "zod";

/**
 * Field rules shared by the API's inputs and the web app's forms, so both say the
 * same thing about the same field.
 */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@company.com"));

export const newPasswordField = z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters");

export const personNameField = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");

export const organisationNameField = z
  .string()
  .trim()
  .min(1, "Enter the organisation's name")
  .max(100, "Use at most 100 characters");

export const roleField = z.enum(["owner", "admin", "member"], "Choose owner, admin or member");

export const idField = z.uuid("Not a valid id");
