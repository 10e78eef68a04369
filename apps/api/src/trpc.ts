import { ConnectionError } from "@roster/connections";
import type { Role } from "@roster/db";
import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { type AccessLevel, type ProcedurePath, permissions } from "./auth/permissions";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // A refused connection (see connections/connection-errors.ts) says why and what to do:
    // the provider's error kind (e.g. invalid_credentials), a hint, and the fields at fault.
    const refusal = error.cause instanceof ConnectionError ? error.cause.details : undefined;
    // Input errors carry per-field messages so the web app can show them beside each field.
    const fieldErrors =
      error.cause instanceof z.ZodError
        ? z.flattenError(error.cause).fieldErrors
        : refusal?.fields
          ? Object.fromEntries(Object.entries(refusal.fields).map(([field, message]) => [field, [message]]))
          : undefined;
    // Internal errors may quote SQL or stack details: the server log has them, the browser doesn't.
    const message = error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong on the server; try again." : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        stack: undefined,
        fieldErrors,
        kind: refusal?.kind ?? null,
        hint: refusal?.hint ?? null,
        // A refusal that only needs confirming: the permissions a new token lacks and what they feed.
        lost: refusal?.lost ?? null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

export const publicProcedure = t.procedure;

/** A valid, unexpired session. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: ctx.sessionExpired ? "Your session has expired. Sign in again." : "You need to sign in first.",
    });
  }
  return next({ ctx: { session: ctx.session, user: ctx.session.user } });
});

/**
 * A member of the session's active organisation. The membership is read with the session on
 * every request, so a removed member or a changed role takes effect at once.
 */
export const orgProcedure = authedProcedure.use(({ ctx, next }) => {
  const { organisationId, membership } = ctx.session;
  if (!organisationId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Choose an organisation first: you are not in one." });
  }
  if (!membership) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of this organisation." });
  }
  return next({ ctx: { organisationId, role: membership.role, sensitive: membership.sensitive } });
});

const roleNames: Record<Role, string> = { owner: "owners", admin: "admins", member: "members" };

/** Only the given roles of the active organisation. */
export function requireRole(...roles: [Role, ...Role[]]) {
  const who = roles.map((r) => roleNames[r]).join(" and ");
  return orgProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Only organisation ${who} can do this.` });
    }
    return next();
  });
}

/** Owners, admins, and members who were granted access to sensitive data. */
export const requireSensitive = orgProcedure.use(({ ctx, next }) => {
  if (ctx.role === "member" && !ctx.sensitive) {
    throw new TRPCError({ code: "FORBIDDEN", message: "You don't have access to sensitive data in this organisation." });
  }
  return next();
});

const ownerProcedure = requireRole("owner");
const adminProcedure = requireRole("owner", "admin");

const procedureForLevel = {
  public: publicProcedure,
  signedIn: authedProcedure,
  member: orgProcedure,
  sensitive: requireSensitive,
  admin: adminProcedure,
  owner: ownerProcedure,
} as const;

/**
 * The procedure builder for a router path, taken from the permissions table. The level
 * is repeated for the reader and must equal the table's (a type error otherwise).
 * @example list: access("members.list", "member").query(...)
 */
export function access<P extends ProcedurePath, L extends (typeof permissions)[P]>(
  path: P,
  level: L & AccessLevel,
): (typeof procedureForLevel)[L] {
  if (permissions[path] !== level) throw new Error(`${path} is "${permissions[path]}" in permissions.ts, not "${level}"`);
  return procedureForLevel[level];
}
