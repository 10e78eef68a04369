import type { ConnectorNames } from "../names";

export function indexTs(n: ConnectorNames): string {
  return `import { defineConnector } from "@roster/core";
import { http } from "./client";
import { health } from "./health";
import { manifest } from "./manifest";
import { departmentsStream } from "./streams/departments";
import { peopleStream } from "./streams/people";
import { verify } from "./verify";

export type { ${n.pascal}Credentials } from "./manifest";
export { ${n.camel}Credentials, ${n.camel}Permissions } from "./manifest";

/** Declaration order is read order: records others reference (departments) come first. */
export const ${n.camel} = defineConnector({
  manifest,
  http,
  verify,
  health,
  streams: { departments: departmentsStream, people: peopleStream },
});
`;
}
