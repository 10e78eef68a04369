/**
 * Lenient schemas of what Zenefits sends (reference: /work/shared/reference/zenefits-api.md
 * §2, §3, §6). Only the fields Roster reads are declared; everything else passes through
 * untouched into `remoteData`. Every declared field is `nullish`: a field hidden by an
 * ungranted sub-scope may arrive as null or not at all, and the two mean the same.
 */
import { z } from "zod";

const text = z.string().nullish();
const remoteId = z.union([z.string().min(1), z.number()]);

/** `{url, object: "/meta/ref/detail" | "/meta/ref/list", ref_object}`; url null when unset. An `includes` expansion puts the object itself here instead. */
export const rawRef = z.looseObject({ url: text, id: remoteId.nullish() }).nullish();
export type RawRef = z.infer<typeof rawRef>;

export const rawPerson = z.looseObject({
  id: remoteId,
  first_name: text,
  middle_name: text,
  last_name: text,
  preferred_name: text,
  title: text,
  /** active | terminated | leave_of_absence | requested | setup | deleted; null for admin-only accounts. */
  status: text,
  /** regular | admin seen; others unconfirmed. */
  type: text,
  work_email: text,
  personal_email: text,
  work_phone: text,
  personal_phone: text,
  department: rawRef,
  location: rawRef,
  manager: rawRef,
});
export type RawPerson = z.infer<typeof rawPerson>;

export const rawDepartment = z.looseObject({ id: remoteId, name: text });
export type RawDepartment = z.infer<typeof rawDepartment>;

export const rawLocation = z.looseObject({
  id: remoteId,
  name: text,
  street1: text,
  street2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  phone: text,
});
export type RawLocation = z.infer<typeof rawLocation>;

export const rawCompany = z.looseObject({ id: remoteId, name: text, legal_name: text });
export type RawCompany = z.infer<typeof rawCompany>;

export const rawEmployment = z.looseObject({
  id: remoteId,
  person: rawRef,
  hire_date: text,
  termination_date: text,
  termination_type: text,
  employment_type: text,
  /** Boolean in Airbyte's schema, a string in tap-zenefits': accept both. */
  is_active: z.union([z.boolean(), z.string()]).nullish(),
});
export type RawEmployment = z.infer<typeof rawEmployment>;

export const rawCustomField = z.looseObject({
  id: remoteId,
  name: text,
  /** Vocabulary unconfirmed (reference §6): mapped loosely. */
  custom_field_type: text,
  /** Not in the reference; read if a tenant's payload carries choices. */
  options: z.array(z.unknown()).nullish(),
});
export type RawCustomField = z.infer<typeof rawCustomField>;

export const rawCustomFieldValue = z.looseObject({
  id: remoteId,
  /** String or null; Airbyte also allows boolean. */
  value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
  custom_field: rawRef,
  person: rawRef,
});
export type RawCustomFieldValue = z.infer<typeof rawCustomFieldValue>;

export const rawMe = z.looseObject({
  company: rawRef,
  person: rawRef,
  scopes: z.array(z.string()).nullish(),
  uninstalled: z.boolean().nullish(),
});
export type RawMe = z.infer<typeof rawMe>;

/** `{data: {data: [...], next_url, object: "/meta/list", url}, error, object, status}`. Records stay unknown: one odd record is the mapper's to report, not the page's. */
export const listEnvelope = z.looseObject({
  data: z.looseObject({
    data: z.array(z.unknown()),
    next_url: text,
  }),
});

/** `{data: {...object}, error, object: "/meta/response", status}`. */
export const detailEnvelope = z.looseObject({ data: z.looseObject({}) });
