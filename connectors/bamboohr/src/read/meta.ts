import { type BambooHrContext, getChecked } from "../client";
import { isCustomField } from "../mappers/custom-field";
import { buildListIndex, type ListIndex } from "../mappers/lists";
import { metaFieldsEnvelope, metaListsEnvelope, type RawMetaField, rawMetaField } from "../raw";

/** `GET /v1/meta/fields` (reference §2.5): the account's fields; entries of an odd shape are skipped. */
export async function readMetaFields(ctx: BambooHrContext): Promise<RawMetaField[]> {
  // https://documentation.bamboohr.com/reference/metadata-get-a-list-of-fields ; reference §2.5.
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

/** `GET /v1/meta/lists` (reference §2.5), indexed for name → option id lookups. */
export async function readListIndex(ctx: BambooHrContext): Promise<ListIndex> {
  // https://documentation.bamboohr.com/reference/metadata-get-details-for-list-fields ; reference §2.5.
  return buildListIndex(await getChecked(ctx, "v1/meta/lists", metaListsEnvelope));
}
