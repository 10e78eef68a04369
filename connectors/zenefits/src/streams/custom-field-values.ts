import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapCustomFieldValue } from "../mappers/custom-field-value";

/** Custom field values of every person (the person-scoped URL form is disputed, so the top-level list is used). */
export const customFieldValuesStream = defineStream<ZenefitsCredentials, unknown, "customFieldValues">({
  model: "customFieldValues",
  requires: ["custom_field_values"],
  // GET /core/custom_field_values — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Custom field value).
  read: (ctx, { cursor }) => paginate(ctx, "/core/custom_field_values", cursor, { permissionLabel: "Custom field values" }),
  map: mapCustomFieldValue,
});
