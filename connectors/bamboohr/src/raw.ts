/**
 * Lenient schemas of what BambooHR sends (reference: /work/shared/reference/bamboohr-api.md).
 * Only what Roster reads is declared; everything else passes through into `remoteData`. Values
 * are mostly strings or null (§6), but ids and flags may be numbers or booleans: accept them.
 * A field the key cannot read is left out of the answer (§4): `nullish` everywhere.
 */
import { z } from "zod";

/** A scalar as BambooHR writes it: usually a string, sometimes a number or boolean, or null. */
export const scalar = z.union([z.string(), z.number(), z.boolean()]).nullish();
const id = z.union([z.string().min(1), z.number()]).transform(String);

/** One row of `POST /v1/reports/custom` (§2.4): `id` plus the requested fields it may read. */
export const rawEmployeeRow = z.looseObject({
  id,
  firstName: scalar,
  lastName: scalar,
  preferredName: scalar,
  employeeNumber: scalar,
  status: scalar,
  lastChanged: scalar,
  workEmail: scalar,
  workPhone: scalar,
  homeEmail: scalar,
  mobilePhone: scalar,
  homePhone: scalar,
  jobTitle: scalar,
  department: scalar,
  division: scalar,
  location: scalar,
  supervisorEId: scalar,
  employmentHistoryStatus: scalar,
  terminationDate: scalar,
  hireDate: scalar,
  originalHireDate: scalar,
});
export type RawEmployeeRow = z.infer<typeof rawEmployeeRow>;

/**
 * `{title, fields: [{id, type, name}], employees: [...]}`. `fields` lists the columns the key
 * could read (unreadable ones are silently dropped, §4). Rows stay unknown here: one odd row is
 * the mapper's to report, not the page's.
 */
export const reportEnvelope = z.looseObject({
  fields: z.array(z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) })).nullish(),
  employees: z.array(z.unknown()),
});

/** `GET /v1/meta/fields` (§2.5): `alias` only when the field has one; ids are numbers or strings ("4340.4"). */
export const rawMetaField = z.looseObject({
  id,
  name: z.string().nullish(),
  type: z.string().nullish(),
  alias: z.string().nullish(),
  deprecated: z.union([z.boolean(), z.string()]).nullish(),
});
export type RawMetaField = z.infer<typeof rawMetaField>;
export const metaFieldsEnvelope = z.array(z.unknown());

/** `GET /v1/meta/lists` (§2.5): list fields and their options, archived ones included. */
export const rawListOption = z.looseObject({
  id,
  name: z.string().nullish(),
  archived: z.union([z.string(), z.boolean()]).nullish(),
});
export type RawListOption = z.infer<typeof rawListOption>;

export const rawListField = z.looseObject({
  fieldId: z.union([z.string(), z.number()]).transform(String).nullish(),
  alias: z.string().nullish(),
  name: z.string().nullish(),
  options: z.array(z.unknown()).nullish(),
});
export const metaListsEnvelope = z.array(z.unknown());

/** One row of the employmentStatus table (§3.3): `date`, `employmentStatus`, termination ids. */
export const rawStatusRow = z.looseObject({
  id,
  employeeId: id,
  date: scalar,
  employmentStatus: scalar,
  terminationTypeId: scalar,
  terminationReasonId: scalar,
});
export type RawStatusRow = z.infer<typeof rawStatusRow>;
export const tableRowsEnvelope = z.array(z.unknown());

/**
 * A map keyed by id; PHP writes an empty one as `[]`, so accept an array too. Entries stay
 * unknown and are parsed one by one.
 */
const keyedMap = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).nullish();

/** `GET /v1/employees/changed` (§3.1): `{latest, employees: {id: {id, action, lastChanged}}}`. */
export const changedEnvelope = z.looseObject({ latest: z.string().nullish(), employees: keyedMap });
export const rawChangedEntry = z.looseObject({ id: id.optional(), action: z.string().nullish() });

/** `GET /v1/employees/changed/tables/{table}` (§3.2): `{table, employees: {id: {lastChanged, rows}}}`. */
export const changedTableEnvelope = z.looseObject({ employees: keyedMap });
export const rawChangedTableEntry = z.looseObject({ rows: z.array(z.unknown()).nullish() });
