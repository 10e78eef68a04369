import type { z } from "zod";
import { candidateSchema } from "./candidate";
import { customFieldSchema, customFieldValueSchema } from "./custom-field";
import { employeeSchema } from "./employee";
import { companySchema, departmentSchema, employmentSchema, locationSchema } from "./organisation";

export * from "./candidate";
export * from "./common";
export * from "./custom-field";
export * from "./employee";
export * from "./hire";
export * from "./organisation";

/** Every model a stream can produce, by name; the sync engine has one table per model. */
export const modelSchemas = {
  companies: companySchema,
  departments: departmentSchema,
  locations: locationSchema,
  employees: employeeSchema,
  employments: employmentSchema,
  customFields: customFieldSchema,
  customFieldValues: customFieldValueSchema,
  candidates: candidateSchema,
} as const;

export type ModelName = keyof typeof modelSchemas;
export type Models = { [K in ModelName]: z.infer<(typeof modelSchemas)[K]> };

/** The fields of a model a provider's data fills: everything but the record's identity and raw payload. */
export type ModelField<M extends ModelName> = M extends ModelName
  ? Exclude<keyof Models[M] & string, "remoteId" | "remoteData" | "remoteUpdatedAt">
  : never;
export * from "./vocabulary";
