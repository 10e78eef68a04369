import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapPerson } from "../mappers/person";

/** People of the token's company, including terminated and admin-only accounts. */
export const peopleStream = defineStream<ZenefitsCredentials, unknown, "employees">({
  model: "employees",
  requires: ["people"],
  // GET /core/people — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Person).
  read: (ctx, { cursor }) => paginate(ctx, "/core/people", cursor, { permissionLabel: "People" }),
  map: mapPerson,
});
