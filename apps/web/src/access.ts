import { type AccessLevel, type MembershipAccess, membershipSatisfies } from "@roster/api/permissions";

type PageLevel = Exclude<AccessLevel, "public" | "signedIn">;

/**
 * Who sees each signed-in page. This only decides what the UI shows: the API checks the
 * same rules (auth/permissions.ts) on every call, whatever the page does.
 */
export const pageAccess = {
  dashboard: "member",
  directory: "member",
  candidates: "member",
  connection: "admin",
  members: "member",
  audit: "owner",
  /** An HRIS's settings: connect, rotate, disable (owners). */
  hrisSettings: "owner",
  /** An ATS's settings: owners edit, admins see them read-only (they follow the exports too). */
  atsSettings: "admin",
} as const satisfies Record<string, PageLevel>;

export type Page = keyof typeof pageAccess;

export function canSee(page: Page, membership: MembershipAccess | null): boolean {
  return membershipSatisfies(pageAccess[page], membership);
}

export const levelWho: Record<PageLevel, string> = {
  member: "members of this organisation",
  sensitive: "owners, admins and members with sensitive-data access",
  admin: "owners and admins",
  owner: "organisation owners",
};
