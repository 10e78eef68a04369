/**
 * Every endpoint the simulator serves under /v1: first each one reference §3 lists
 * (`/work/shared/reference/lever-api.md`, "Endpoints used by this project"), then the ones the
 * simulator adds for read-only clients (Airbyte's and Singer's Lever sources read applications,
 * referrals, tags and sources). The catalogue test walks this list, and checks it against the
 * reference when the reference is present, so an endpoint the reference gains without a route
 * here fails a test. Imports nothing, so the CLI can read it cheaply.
 */
export interface LeverEndpoint {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Path under /v1 as the reference writes it, ids as `{id}`. */
  path: string;
  /** `list` pages with {data, next, hasNext}; `detail` is {data}; `download` is a file; `write` changes something. */
  kind: "list" | "detail" | "download" | "write";
  /** The key permission it needs (403 without it). */
  scope: string;
  /** "reference": listed in §3; "simulator": added for read-only clients. */
  source: "reference" | "simulator";
  /** Why a freshly seeded list is empty, for the one that is. */
  empty?: string;
}

const get = (path: string, kind: LeverEndpoint["kind"], scope: string, extra: Partial<LeverEndpoint> = {}): LeverEndpoint => ({
  method: "GET",
  path,
  kind,
  scope,
  source: "reference",
  ...extra,
});
const added = { source: "simulator" } as const;

export const LEVER_ENDPOINTS: readonly LeverEndpoint[] = [
  get("/opportunities", "list", "opportunities:read:admin"),
  get("/opportunities/{id}", "detail", "opportunities:read:admin"),
  get("/opportunities/deleted", "list", "opportunities:read:admin", {
    empty: "fills as candidates are deleted (mutate remove)",
  }),
  get("/contacts/{id}", "detail", "contact:read:admin"),
  get("/opportunities/{id}/offers", "list", "offers:read:admin"),
  get("/opportunities/{id}/offers/{id}", "detail", "offers:read:admin"),
  get("/opportunities/{id}/offers/{id}/download", "download", "offers:read:admin"),
  get("/opportunities/{id}/resumes", "list", "resumes:read:admin"),
  get("/opportunities/{id}/resumes/{id}", "detail", "resumes:read:admin"),
  get("/opportunities/{id}/resumes/{id}/download", "download", "resumes:read:admin"),
  get("/opportunities/{id}/files", "list", "files:read:admin"),
  get("/opportunities/{id}/files/{id}", "detail", "files:read:admin"),
  get("/opportunities/{id}/files/{id}/download", "download", "files:read:admin"),
  get("/opportunities/{id}/interviews", "list", "interviews:read:admin"),
  get("/opportunities/{id}/interviews/{id}", "detail", "interviews:read:admin"),
  get("/opportunities/{id}/panels", "list", "panels:read:admin"),
  get("/opportunities/{id}/panels/{id}", "detail", "panels:read:admin"),
  get("/opportunities/{id}/feedback", "list", "feedback:read:admin"),
  get("/opportunities/{id}/feedback/{id}", "detail", "feedback:read:admin"),
  get("/opportunities/{id}/notes", "list", "notes:read:admin"),
  get("/postings", "list", "postings:read:admin"),
  get("/postings/{id}", "detail", "postings:read:admin"),
  get("/users", "list", "users:read:admin"),
  get("/users/{id}", "detail", "users:read:admin"),
  get("/stages", "list", "stages:read:admin"),
  get("/stages/{id}", "detail", "stages:read:admin"),
  get("/archive_reasons", "list", "archive_reasons:read:admin"),
  get("/archive_reasons/{id}", "detail", "archive_reasons:read:admin"),
  get("/requisitions", "list", "requisitions:read:admin"),
  get("/requisitions/{id}", "detail", "requisitions:read:admin"),
  { method: "PUT", path: "/opportunities/{id}/stage", kind: "write", scope: "opportunities:write:admin", source: "reference" },
  { method: "PUT", path: "/opportunities/{id}/archived", kind: "write", scope: "opportunities:write:admin", source: "reference" },
  get("/webhooks", "list", "webhooks:read:admin", { empty: "webhooks are created through POST /webhooks" }),
  { method: "POST", path: "/webhooks", kind: "write", scope: "webhooks:write:admin", source: "reference" },
  { method: "PUT", path: "/webhooks", kind: "write", scope: "webhooks:write:admin", source: "reference" },
  { method: "DELETE", path: "/webhooks/{id}", kind: "write", scope: "webhooks:write:admin", source: "reference" },

  get("/opportunities/{id}/notes/{id}", "detail", "notes:read:admin", added),
  get("/opportunities/{id}/applications", "list", "applications:read:admin", added),
  get("/opportunities/{id}/applications/{id}", "detail", "applications:read:admin", added),
  get("/opportunities/{id}/referrals", "list", "referrals:read:admin", added),
  get("/opportunities/{id}/referrals/{id}", "detail", "referrals:read:admin", added),
  get("/tags", "list", "tags:read:admin", added),
  get("/sources", "list", "sources:read:admin", added),
  get("/candidates", "list", "opportunities:read:admin", added),
  get("/candidates/{id}", "detail", "opportunities:read:admin", added),
];
