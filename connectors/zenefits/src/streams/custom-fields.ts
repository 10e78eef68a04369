import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapCustomField } from "../mappers/custom-field";

/** Custom field definitions; read before their values. */
export const customFieldsStream = defineStream<ZenefitsCredentials, unknown, "customFields">({
  model: "customFields",
  lookup: true,
  requires: ["custom_fields"],
  // GET /core/custom_fields — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Custom field).
  read: (ctx, { cursor }) => paginate(ctx, "/core/custom_fields", cursor, { permissionLabel: "Custom fields" }),
  map: mapCustomField,
});
