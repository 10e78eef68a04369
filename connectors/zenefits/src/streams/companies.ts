import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapCompany } from "../mappers/company";

/** The company the token belongs to (one per customer token). Needs the `companies` scope, which is outside Roster's twelve permissions. */
export const companiesStream = defineStream<ZenefitsCredentials, unknown, "companies">({
  model: "companies",
  lookup: true,
  // GET /core/companies — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Company).
  read: (ctx, { cursor }) => paginate(ctx, "/core/companies", cursor, { permissionLabel: "Companies" }),
  map: mapCompany,
});
