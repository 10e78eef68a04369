import type { ConnectorNames } from "../names";

export function manifestTs(n: ConnectorNames): string {
  return `import { type Manifest, secret } from "@roster/core";
import { z } from "zod";

/**
 * What an admin pastes to connect. Wrap every secret in secret(): it is then encrypted
 * at rest, shown as a password input, and searched for in logs by the contract suite.
 * TODO: the provider's real credentials (and a default baseUrl for its production host).
 */
export const ${n.camel}Credentials = z.object({
  token: secret(z.string().min(8)),
  baseUrl: z.string().url(),
});
export type ${n.pascal}Credentials = z.infer<typeof ${n.camel}Credentials>;

/**
 * The permissions Roster checks: \`id\` as the provider's API reports it, \`label\` in the
 * words its admins see on the token screen. TODO: the provider's real scopes.
 */
export const ${n.camel}Permissions = [
  { id: "people", label: "People" },
  { id: "departments", label: "Departments" },
  { id: "people.manager", label: "Person's manager" },
] as const;

export const manifest = {
  id: "${n.id}",
  name: "${n.title}",
  kind: "hris",
  // TODO: the provider's API documentation.
  docsUrl: "https://example.invalid/${n.id}/docs",
  credentials: ${n.camel}Credentials,
  permissions: ${n.camel}Permissions,
  // TODO: the provider's published limit; stay under it rather than learn it from 429s.
  rateLimit: { perSecond: 50, burst: 50 },
} satisfies Manifest<typeof ${n.camel}Credentials>;
`;
}

export function rawTs(): string {
  return `import { z } from "zod";

/**
 * Lenient schemas of what the provider sends: only the fields Roster reads are checked,
 * everything else passes through (and is kept as remoteData). TODO: the real payloads.
 */
export const personRaw = z.looseObject({
  id: z.string(),
  name: z.string(),
  email: z.string().nullish(),
  department_id: z.string().nullish(),
  manager_id: z.string().nullish(),
  status: z.string(),
});
export type PersonRaw = z.infer<typeof personRaw>;

export const departmentRaw = z.looseObject({ id: z.string(), name: z.string() });
export type DepartmentRaw = z.infer<typeof departmentRaw>;

/** One list page: the records and the cursor of the next page (null on the last). */
export const pageRaw = z.object({ items: z.array(z.unknown()), next: z.string().nullable() });

/** Who the token belongs to and what it may read. */
export const whoamiRaw = z.object({ company: z.object({ id: z.string(), name: z.string() }), scopes: z.array(z.string()) });
`;
}
