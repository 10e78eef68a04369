import { defineConnector } from "@roster/core";
import { importHire } from "./actions/import-hire";
import { http } from "./client";
import { health } from "./health";
import { manifest } from "./manifest";
import { companiesStream } from "./streams/companies";
import { customFieldValuesStream } from "./streams/custom-field-values";
import { customFieldsStream } from "./streams/custom-fields";
import { departmentsStream } from "./streams/departments";
import { employmentsStream } from "./streams/employments";
import { locationsStream } from "./streams/locations";
import { peopleStream } from "./streams/people";
import { verify } from "./verify";

export { candidateOf, type ZenefitsImportChannelCredentials, zenefitsImportChannelCredentials } from "./actions/index";
export { type ZenefitsCredentials, type ZenefitsPermissionId, zenefitsCredentials, zenefitsPermissions } from "./manifest";

/** Declaration order is read order: records others reference come first. Exported with exact keys for tests and tools. */
export const zenefitsStreams = {
  companies: companiesStream,
  locations: locationsStream,
  departments: departmentsStream,
  people: peopleStream,
  employments: employmentsStream,
  customFields: customFieldsStream,
  customFieldValues: customFieldValuesStream,
};

export const zenefits = defineConnector({
  manifest,
  http,
  verify,
  health,
  streams: zenefitsStreams,
  actions: { importHire },
});
