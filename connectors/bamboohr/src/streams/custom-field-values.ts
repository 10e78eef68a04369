import { type ChangesPage, defineStream } from "@roster/core";
import type { BambooHrContext } from "../client";
import type { BambooHrCredentials } from "../manifest";
import { type CustomFieldValueRaw, customFieldValueRemoteId, hasValue, mapCustomFieldValue } from "../mappers/custom-field-value";
import type { Scalar } from "../mappers/fields";
import type { RawMetaField } from "../raw";
import { changedEmployees } from "../read/changes";
import { readCustomFields } from "../read/meta";
import { allEmployeePages, idPages, rowsOf } from "../read/pages";

interface Page {
  values: CustomFieldValueRaw[];
  /** Pairs read and found empty: a value that was cleared. */
  empty: string[];
}

/** The custom field values of these employees, asked for by field id (ids are stable; aliases may be renamed). */
async function valuesOf(ctx: BambooHrContext, fields: readonly RawMetaField[], ids: readonly number[]): Promise<Page> {
  const page: Page = { values: [], empty: [] };
  if (fields.length === 0) return page;
  const rows = await rowsOf(
    ctx,
    fields.map((f) => f.id),
    ids,
  );
  for (const [employeeId, row] of rows) {
    for (const field of fields) {
      const value = row[field.id] as Scalar;
      const pair = { employeeId: String(employeeId), fieldId: field.id };
      if (hasValue(value)) page.values.push({ ...pair, fieldType: field.type ?? null, value });
      else page.empty.push(customFieldValueRemoteId(pair.employeeId, pair.fieldId));
    }
  }
  return page;
}

/**
 * One record per employee and custom field that holds a value; an empty value is no record, so
 * a value cleared in BambooHR is deleted in Roster, by absence in a full read and by name in a
 * changes read.
 */
export const customFieldValuesStream = defineStream<BambooHrCredentials, CustomFieldValueRaw, "customFieldValues">({
  model: "customFieldValues",
  requires: ["customFields"],
  async *read(ctx, { cursor }) {
    const fields = await readCustomFields(ctx);
    for await (const page of allEmployeePages(ctx, cursor)) {
      yield { records: (await valuesOf(ctx, fields, page.ids)).values, nextCursor: page.nextCursor };
    }
  },
  map: mapCustomFieldValue,
  async *readChanges(ctx, { cursor, since }): AsyncGenerator<ChangesPage<CustomFieldValueRaw>> {
    const fields = await readCustomFields(ctx);
    const changes = await changedEmployees(ctx, since);
    // A deleted employee's values go with them: every pair they could have had.
    const ofDeleted = changes.deleted.flatMap((employeeId) => fields.map((f) => customFieldValueRemoteId(employeeId, f.id)));
    let first = cursor === null;
    for (const ids of idPages(changes.changed, cursor)) {
      const page = await valuesOf(ctx, fields, ids.ids);
      yield { records: page.values, deleted: first ? [...ofDeleted, ...page.empty] : page.empty, nextCursor: ids.nextCursor };
      first = false;
    }
  },
});
