import { employees } from "./employees";
import { customFields, employments } from "./employments";
import { connections, hireTransfers, syncRuns } from "./operations";
import { departments, locations } from "./organisation-resources";
import type { ResourceDefinition } from "./resource";

/** Every resource of /api/v1, one line each; each gets list and get by id. */
export const resources: readonly ResourceDefinition[] = [
  employees,
  employments,
  departments,
  locations,
  customFields,
  connections,
  syncRuns,
  hireTransfers,
];
