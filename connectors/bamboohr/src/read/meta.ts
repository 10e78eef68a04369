import { ConnectorError } from "@roster/core";
import { type BambooHrContext, getChecked } from "../client";
import { isCustomField } from "../mappers/custom-field";
import { buildListIndex, type ListIndex } from "../mappers/lists";
import { metaFieldsEnvelope, metaListsEnvelope, type RawMetaField, rawMetaField } from "../raw";

/** What a 403 on the lists asks an admin to give, in the hint. */
const LISTS_LABEL = "permission to view list fields (departments, divisions, locations, their options)";

/** `GET /v1/meta/fields` (reference §2.5): the account's fields; entries of an odd shape are skipped. */
export async function readMetaFields(ctx: BambooHrContext): Promise<RawMetaField[]> {
  // GET /v1/meta/fields: BambooHR's OpenAPI, reference §2.5 [spec].
  const entries = await getChecked(ctx, "v1/meta/fields", metaFieldsEnvelope);
  return entries.flatMap((entry) => {
    const parsed = rawMetaField.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The company's custom fields, by `meta/fields` (see isCustomField for how they are told apart). */
export async function readCustomFields(ctx: BambooHrContext): Promise<RawMetaField[]> {
  return (await readMetaFields(ctx)).filter(isCustomField);
}

/**
 * `GET /v1/meta/lists` (reference §2.5), indexed for name → option id lookups. A user who may not
 * read it gets 403; streams that need the names (departments, locations, employments' termination
 * types, custom field options) are then skipped by the sync with this hint, their records kept.
 */
export async function readListIndex(ctx: BambooHrContext): Promise<ListIndex> {
  // GET /v1/meta/lists: BambooHR's OpenAPI, reference §2.5 [spec].
  return buildListIndex(await getChecked(ctx, "v1/meta/lists", metaListsEnvelope, undefined, { permissionLabel: LISTS_LABEL }));
}

/**
 * The lists, or null when the key's user may not read them. The employees stream reads on
 * without; verify then reports Job information missing, since departments and locations cannot
 * be linked, so their stored links are kept.
 */
export async function readListIndexIfAllowed(ctx: BambooHrContext): Promise<ListIndex | null> {
  try {
    return await readListIndex(ctx);
  } catch (error) {
    if (error instanceof ConnectorError && error.kind === "forbidden") return null;
    throw error;
  }
}
