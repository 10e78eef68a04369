import { z } from "zod";
import { isoDate, syncedRecordFields } from "./common";

/** Roster's normalised employment status; the provider's own word is kept in `remoteStatus`. */
export const employeeStatuses = ["active", "inactive", "leave", "pending", "terminated"] as const;
export const employeeStatus = z.enum(employeeStatuses);
export type EmployeeStatus = z.infer<typeof employeeStatus>;

/**
 * A person as every connector delivers it. References to other records are remote ids;
 * the sync engine resolves them to Roster ids after all pages are in, so a manager who
 * arrives on a later page still links. Emails and phones are kept as given; the sync
 * engine adds normalised forms (lower-case email, E.164 phone).
 */
export const employeeSchema = z.object({
  ...syncedRecordFields,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  preferredName: z.string().nullable(),
  displayName: z.string().min(1),
  workEmail: z.string().nullable(),
  personalEmail: z.string().nullable(),
  workPhone: z.string().nullable(),
  personalPhone: z.string().nullable(),
  /** Null when the provider does not say (e.g. its status permission is not granted): unknown, never a guess. */
  status: employeeStatus.nullable(),
  remoteStatus: z.string().nullable(),
  employmentType: z.string().nullable(),
  jobTitle: z.string().nullable(),
  departmentRemoteId: z.string().nullable(),
  locationRemoteId: z.string().nullable(),
  managerRemoteId: z.string().nullable(),
  /**
   * Dates from the person record where the provider keeps them there. A provider that keeps
   * them on employments only declares them in its people stream's `omits`, and the sync engine
   * fills them from the employments: hire = the first employment's start, start and termination
   * = the most recent employment's.
   */
  hireDate: isoDate.nullable(),
  startDate: isoDate.nullable(),
  terminationDate: isoDate.nullable(),
});
export type Employee = z.infer<typeof employeeSchema>;
