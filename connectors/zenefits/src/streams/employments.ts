import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapEmployment } from "../mappers/employment";

/** Employment periods (hire / termination); a rehire has several. Needs the `employments` scope, outside Roster's twelve permissions. */
export const employmentsStream = defineStream<ZenefitsCredentials, unknown, "employments">({
  model: "employments",
  // GET /core/employments — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Employment).
  read: (ctx, { cursor }) => paginate(ctx, "/core/employments", cursor, { permissionLabel: "Employments" }),
  map: mapEmployment,
});
