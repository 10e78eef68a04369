import type { ConnectorNames } from "../names";

export function peopleStreamTs(n: ConnectorNames): string {
  return `import { type ConnectorContext, defineStream } from "@roster/core";
import { pages } from "../client";
import type { ${n.pascal}Credentials } from "../manifest";
import { mapPerson } from "../mappers/person";

/** Everyone the token may see, page by page. TODO: the provider's people endpoint (docs link). */
export const peopleStream = defineStream({
  model: "employees",
  requires: ["people"],
  // The simulator sends manager_id: null to a token without "people.manager": unknown, not "no
  // manager", so a sync without it keeps the stored manager. TODO: what your provider withholds.
  fieldsByPermission: { "people.manager": ["managerRemoteId"] },
  read(ctx: ConnectorContext<${n.pascal}Credentials>, { cursor }) {
    return pages(ctx, "/api/people", cursor);
  },
  map: mapPerson,
});
`;
}

export function departmentsStreamTs(n: ConnectorNames): string {
  return `import { type ConnectorContext, defineStream } from "@roster/core";
import { pages } from "../client";
import type { ${n.pascal}Credentials } from "../manifest";
import { mapDepartment } from "../mappers/department";

/** TODO: the provider's departments endpoint (docs link). */
export const departmentsStream = defineStream({
  model: "departments",
  requires: ["departments"],
  read(ctx: ConnectorContext<${n.pascal}Credentials>, { cursor }) {
    return pages(ctx, "/api/departments", cursor);
  },
  map: mapDepartment,
});
`;
}
