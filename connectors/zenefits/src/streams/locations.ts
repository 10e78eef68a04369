import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapLocation } from "../mappers/location";

/** Work locations; read before people, who reference them. */
export const locationsStream = defineStream<ZenefitsCredentials, unknown, "locations">({
  model: "locations",
  lookup: true,
  requires: ["locations"],
  // GET /core/locations — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Location).
  read: (ctx, { cursor }) => paginate(ctx, "/core/locations", cursor, { permissionLabel: "Company locations" }),
  map: mapLocation,
});
