import { z } from "zod";
import { isoDate, syncedRecordFields } from "./common";

export const companySchema = z.object({
  ...syncedRecordFields,
  name: z.string().min(1),
  legalName: z.string().nullable(),
});
export type Company = z.infer<typeof companySchema>;

export const departmentSchema = z.object({
  ...syncedRecordFields,
  name: z.string().min(1),
  parentRemoteId: z.string().nullable(),
});
export type Department = z.infer<typeof departmentSchema>;

export const locationSchema = z.object({
  ...syncedRecordFields,
  name: z.string().min(1),
  street1: z.string().nullable(),
  street2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Location = z.infer<typeof locationSchema>;

/** One period of employment; a rehire has several. */
export const employmentSchema = z.object({
  ...syncedRecordFields,
  employeeRemoteId: z.string().min(1),
  employmentType: z.string().nullable(),
  startDate: isoDate.nullable(),
  terminationDate: isoDate.nullable(),
  terminationType: z.string().nullable(),
  isActive: z.boolean().nullable(),
});
export type Employment = z.infer<typeof employmentSchema>;
