import { defineStream } from "@roster/core";
import type { BambooHrCredentials } from "../manifest";
import { type CustomFieldRaw, mapCustomField } from "../mappers/custom-field";
import { readCustomFields, readListIndex } from "../read/meta";

/** The company's custom field definitions (§2.5 `meta/fields`), list fields with their options (`meta/lists`). One page. */
export const customFieldsStream = defineStream<BambooHrCredentials, CustomFieldRaw, "customFields">({
  model: "customFields",
  requires: ["customFields"],
  async *read(ctx) {
    const fields = await readCustomFields(ctx);
    const lists = await readListIndex(ctx);
    const records = fields.map((field) => ({
      field,
      options: lists.byFieldId[field.id]?.filter((o) => !o.archived).map((o) => o.name) ?? null,
    }));
    yield { records, nextCursor: null };
  },
  map: mapCustomField,
});
