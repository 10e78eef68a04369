import type { Role } from "@roster/db";

/**
 * Who may call what: the one table of access rules. Every tRPC procedure is built from
 * its row here (see `access()` in ../trpc.ts), the access-matrix test checks every
 * procedure of the router against it, and the web app reads `membershipSatisfies` to
 * decide what to show. Pure data and types only, so the browser bundle can import it.
 */
export type { Role };

export type AccessLevel =
  /** Anyone, signed in or not. */
  | "public"
  /** A valid session; no organisation needed. */
  | "signedIn"
  /** Any member of the session's active organisation. */
  | "member"
  /** Owners, admins, and members holding the sensitive-data flag. */
  | "sensitive"
  /** Owners and admins. */
  | "admin"
  /** Owners only. */
  | "owner";

/** The roles each organisation-scoped level lets through (sensitive also admits flagged members). */
export const rolesForLevel = {
  member: ["owner", "admin", "member"],
  sensitive: ["owner", "admin"],
  admin: ["owner", "admin"],
  owner: ["owner"],
} as const satisfies Record<Exclude<AccessLevel, "public" | "signedIn">, readonly Role[]>;

export const permissions = {
  "auth.signupPolicy": "public",
  "auth.signUp": "public",
  "auth.signIn": "public",
  "auth.signOut": "public",
  "auth.me": "signedIn",

  "organisations.switch": "signedIn",
  "organisations.rename": "owner",

  "members.list": "member",
  "members.changeRole": "owner",
  "members.setSensitive": "owner",
  "members.remove": "owner",

  "invites.preview": "public",
  "invites.acceptWithSignUp": "public",
  "invites.accept": "signedIn",
  "invites.list": "owner",
  "invites.create": "owner",
  "invites.revoke": "owner",

  "audit.list": "owner",

  "connections.list": "admin",
  "connections.get": "admin",
  "connections.overview": "admin",
  "connections.issues": "admin",
  "connections.snoozeIssue": "owner",
  "connectors.list": "admin",
  "connections.verify": "owner",
  "connections.connect": "owner",
  "connections.rotate": "owner",
  "connections.setNotificationEmail": "owner",
  "connections.disable": "owner",
  "connections.enable": "owner",
  "connections.delete": "owner",
  "connections.syncNow": "owner",
  "connections.runs": "admin",
  "connections.run": "admin",
  "connections.emails": "admin",
  // Links an owner sends to whoever holds the provider's admin rights: they connect the HRIS,
  // so they are the owners' business, as connecting is.
  "connectLinks.list": "owner",
  "connectLinks.send": "owner",
  "connectLinks.revoke": "owner",

  // Settings → Integrations → Lever (admins read, owners edit), the Candidates page, and the
  // hire transfers: the "secret story", whose level is the one of canSeeHireTransfers.
  "lever.get": "admin",
  "lever.save": "owner",
  "lever.verify": "owner",
  "lever.candidates": "member",
  "lever.sendToZenefits": "admin",
  "lever.transfers": "sensitive",
  "lever.retryTransfer": "admin",

  "directory.people": "member",
  "directory.person": "member",
  "directory.departments": "member",
  "directory.locations": "member",

  // The dashboard's and connection pages' charts: head count for everyone, sync runs as the connection page.
  "charts.headCount": "member",
  "charts.syncs": "admin",

  // Settings → API keys and Settings → Webhooks (the public API and its change webhooks).
  "apiKeys.list": "admin",
  "apiKeys.create": "admin",
  "apiKeys.revoke": "admin",
  "webhooks.endpoints": "admin",
  "webhooks.createEndpoint": "admin",
  "webhooks.updateEndpoint": "admin",
  "webhooks.deleteEndpoint": "admin",
  "webhooks.deliveries": "admin",
  "webhooks.resend": "admin",
} as const satisfies Record<string, AccessLevel>;

export type ProcedurePath = keyof typeof permissions;

export interface MembershipAccess {
  role: Role;
  sensitive: boolean;
}

/**
 * Whether a caller passes a level. `signedIn` is whether there is a session at all;
 * `membership` is the caller's membership in the active organisation (null when none).
 */
export function accessAllowed(level: AccessLevel, caller: { signedIn: boolean; membership: MembershipAccess | null }): boolean {
  if (level === "public") return true;
  if (!caller.signedIn) return false;
  if (level === "signedIn") return true;
  return membershipSatisfies(level, caller.membership);
}

/** Whether a membership in the active organisation passes an organisation-scoped level. */
export function membershipSatisfies(
  level: Exclude<AccessLevel, "public" | "signedIn">,
  membership: MembershipAccess | null,
): boolean {
  if (!membership) return false;
  const roles: readonly Role[] = rolesForLevel[level];
  if (roles.includes(membership.role)) return true;
  return level === "sensitive" && membership.sensitive;
}
