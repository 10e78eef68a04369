/**
 * The admin surface under /__admin/ (no auth; a loopback tool), as `GET /__admin/` lists it and
 * `roster simulate zenefits --help` prints it. Imports nothing, so the CLI can read it cheaply.
 */
export const ZENEFITS_ADMIN_ROUTES: readonly { route: string; purpose: string }[] = [
  { route: "GET /__admin/", purpose: "this index, with the companies" },
  { route: "GET /__admin/companies", purpose: "companies with their ATS client secrets and head counts" },
  { route: "GET|POST /__admin/tokens", purpose: "list tokens, or create one {scopes?, companyId?}" },
  { route: "DELETE /__admin/tokens/{token}", purpose: "revoke a token (also POST /__admin/tokens/{token}/revoke)" },
  { route: "PUT /__admin/tokens/{token}/scopes", purpose: "change an active token's scopes in place {scopes}" },
  { route: "GET|POST|DELETE /__admin/faults", purpose: "read, merge or clear fault injection" },
  { route: "GET|PUT /__admin/quirks", purpose: "read or set readings of what the reference leaves open" },
  { route: "POST /__admin/mutate", purpose: "change / add / terminate / delete people {change?, add?, terminate?, delete?}" },
  { route: "POST /__admin/reset", purpose: "re-seed; clear faults, request log and ATS candidates" },
  { route: "GET|DELETE /__admin/requests", purpose: "request log (counts and the last 500), or clear it" },
  { route: "GET /__admin/truth?companyId=&records=true", purpose: "counts, and every record as an all-scopes token reads it" },
  { route: "GET /__admin/ats/candidates?companyId=", purpose: "candidates pushed through the ATS channel" },
];
