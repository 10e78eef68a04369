import { type Db, preparedStatement, type Role } from "@roster/db";
import type { Context } from "../context";
import { clearedSessionCookie, sessionCookie } from "./cookies";
import { hashToken, newToken } from "./tokens";

export const SESSION_DAYS = 30;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface Session {
  /** sha256 of the cookie's token: the row's key. */
  idHash: string;
  user: SessionUser;
  /** The active organisation; membership is re-checked on every organisation-scoped call. */
  organisationId: string | null;
  /**
   * The user's membership of the active organisation, read with the session on every request
   * (one query, not two: each round trip to PostgreSQL costs more than the lookup); null
   * when there is no active organisation or the user is no longer a member of it.
   */
  membership: { role: Role; sensitive: boolean } | null;
  expiresAt: Date;
}

export async function loadSession(db: Db, token: string): Promise<{ session: Session | null; expired: boolean }> {
  const idHash = hashToken(token);
  const row = await db
    .selectFrom("auth_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .leftJoin("memberships as m", (join) =>
      join.onRef("m.organisation_id", "=", "s.organisation_id").onRef("m.user_id", "=", "s.user_id"),
    )
    .select(["s.id_hash", "s.organisation_id", "s.expires_at", "u.id as user_id", "u.email", "u.name", "m.role", "m.sensitive"])
    .select((eb) => eb(eb.ref("s.expires_at"), "<=", eb.fn<Date>("now")).as("is_expired"))
    .where("s.id_hash", "=", idHash)
    // Prepared: every request reads its session, and a plan costs more than the lookup.
    .modifyEnd(preparedStatement)
    .executeTakeFirst();
  if (!row) return { session: null, expired: false };
  if (row.is_expired) {
    await db.deleteFrom("auth_sessions").where("id_hash", "=", idHash).execute();
    return { session: null, expired: true };
  }
  return {
    session: {
      idHash,
      user: { id: row.user_id, email: row.email, name: row.name },
      organisationId: row.organisation_id,
      membership: row.role === null ? null : { role: row.role, sensitive: row.sensitive ?? false },
      expiresAt: row.expires_at,
    },
    expired: false,
  };
}

function cookieOptions(ctx: Context) {
  return { secure: ctx.config.PUBLIC_URL.startsWith("https:") };
}

/** Signs the user in on this response: a new session row and its cookie. */
export async function startSession(ctx: Context, userId: string, organisationId: string | null): Promise<void> {
  // Signing in again from the same browser replaces its old session rather than leaving it live.
  if (ctx.session) await ctx.db.deleteFrom("auth_sessions").where("id_hash", "=", ctx.session.idHash).execute();
  const { token, hash } = newToken();
  const row = await ctx.db
    .insertInto("auth_sessions")
    .values({
      id_hash: hash,
      user_id: userId,
      organisation_id: organisationId,
      expires_at: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
    })
    .returning("expires_at")
    .executeTakeFirstOrThrow();
  ctx.responseCookies.push(sessionCookie(token, row.expires_at, cookieOptions(ctx)));
}

/** Signs out: the row goes, and the browser is told to forget the cookie. */
export async function endSession(ctx: Context): Promise<void> {
  if (ctx.session) await ctx.db.deleteFrom("auth_sessions").where("id_hash", "=", ctx.session.idHash).execute();
  ctx.responseCookies.push(clearedSessionCookie(cookieOptions(ctx)));
}

export async function setActiveOrganisation(ctx: Context, idHash: string, organisationId: string): Promise<void> {
  await ctx.db.updateTable("auth_sessions").set({ organisation_id: organisationId }).where("id_hash", "=", idHash).execute();
}
