/** What an API key may read or do. A key holds at least one; each route names the one it needs. */
export const apiScopes = [
  "directory:read",
  "sensitive:read",
  "connections:read",
  "connections:manage",
  "webhooks:manage",
] as const;
export type ApiScope = (typeof apiScopes)[number];

export const scopeDescriptions: Record<ApiScope, string> = {
  "directory:read": "Employees, employments, departments, locations and custom field definitions",
  "sensitive:read": "Personal email and phone, custom field values on employees, and hire transfers",
  "connections:read": "Connections (status, last sync, permissions) and their sync runs",
  "connections:manage": "Create connect links: single-use pages where a customer's admin connects an HRIS",
  "webhooks:manage": "Register, change and remove webhook endpoints",
};

/** A new key's scopes when none are named: reading the directory only. */
export const defaultScopes: ApiScope[] = ["directory:read"];
