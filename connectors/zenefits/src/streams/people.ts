import { defineStream } from "@roster/core";
import { paginate } from "../client";
import type { ZenefitsCredentials } from "../manifest";
import { mapPerson } from "../mappers/person";

/** People of the token's company, including terminated and admin-only accounts. */
export const peopleStream = defineStream<ZenefitsCredentials, unknown, "employees">({
  model: "employees",
  requires: ["people"],
  // Zenefits nulls a field whose sub-scope the token lacks (simulator README, "Choices"; the
  // real behaviour is unconfirmed, reference §1b): such fields are unknown, never empty.
  fieldsByPermission: {
    "people.status": ["status", "remoteStatus"],
    "people.work_email": ["workEmail"],
    "people.personal_email": ["personalEmail"],
    "people.work_phone": ["workPhone"],
    "people.department": ["departmentRemoteId"],
    "people.location": ["locationRemoteId"],
    "people.manager": ["managerRemoteId"],
  },
  // A person's dates live on employments (reference §6); the engine fills them from there.
  omits: ["hireDate", "startDate", "terminationDate"],
  // GET /core/people — https://developers.zenefits.com/docs ; reference §5 (endpoints), §6 (Person).
  read: (ctx, { cursor }) => paginate(ctx, "/core/people", cursor, { permissionLabel: "People" }),
  map: mapPerson,
});
