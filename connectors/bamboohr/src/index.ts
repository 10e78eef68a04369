import { defineConnector } from "@roster/core";
import { importHire } from "./actions/import-hire";
import { http } from "./client";
import { health } from "./health";
import { manifest } from "./manifest";
import { customFieldValuesStream } from "./streams/custom-field-values";
import { customFieldsStream } from "./streams/custom-fields";
import { departmentsStream } from "./streams/departments";
import { employeesStream } from "./streams/employees";
import { employmentsStream } from "./streams/employments";
import { locationsStream } from "./streams/locations";
import { verify } from "./verify";
import { bamboohrWebhook } from "./webhook/handler";

export { hireBody } from "./actions/hire-body";
export { InvalidHireError, idFromLocation } from "./actions/import-hire";
export {
  BAMBOOHR_BASE_URL,
  type BambooHrCredentials,
  type BambooHrPermissionId,
  bamboohrCredentials,
  bamboohrPermissions,
} from "./manifest";
export { signBambooHrWebhook } from "./webhook/signature";

/** Declaration order is read order: records others reference come first. Exported with exact keys for tests and tools. */
export const bamboohrStreams = {
  departments: departmentsStream,
  locations: locationsStream,
  employees: employeesStream,
  employments: employmentsStream,
  customFields: customFieldsStream,
  customFieldValues: customFieldValuesStream,
};

export const bamboohr = defineConnector({
  manifest,
  http,
  verify,
  health,
  streams: bamboohrStreams,
  webhook: bamboohrWebhook,
  actions: { importHire },
});
