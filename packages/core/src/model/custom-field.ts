import { z } from "zod";
import { syncedRecordFields } from "./common";

export const customFieldTypes = ["text", "number", "date", "boolean", "select", "other"] as const;

export const customFieldSchema = z.object({
  ...syncedRecordFields,
  name: z.string().min(1),
  type: z.enum(customFieldTypes),
  /** Allowed values of a select field. */
  options: z.array(z.string()).nullable(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

export const customFieldValueSchema = z.object({
  ...syncedRecordFields,
  employeeRemoteId: z.string().min(1),
  customFieldRemoteId: z.string().min(1),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type CustomFieldValue = z.infer<typeof customFieldValueSchema>;
