import { createOrganisationWithOwner, decoyPasswordHash, findUserByEmail, hashPassword, verifyPassword } from "@roster/accounts";
import { signupPolicy } from "@roster/config";
import { TRPCError } from "@trpc/server";
import { membershipsOf } from "../accounts/memberships";
import { createUser } from "../accounts/users";
import { recentSignInFailures, recordSignInAttempt, SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MINUTES } from "../auth/rate-limit";
import { endSession, setActiveOrganisation, startSession } from "../auth/sessions";
import { signInInput, signUpInput } from "../schemas/auth";
import { access, router } from "../trpc";

export const authRouter = router({
  /** Whether anyone may sign up here, so the dashboard shows the form or says how to get an invite. */
  signupPolicy: access("auth.signupPolicy", "public").query(({ ctx }) => ({ signup: signupPolicy(ctx.config) })),

  /** A new account and a new organisation it owns; signs the new user in. */
  signUp: access("auth.signUp", "public")
    .input(signUpInput)
    .mutation(async ({ ctx, input }) => {
      if (signupPolicy(ctx.config) === "invite-only") {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: "Sign-up on this Roster is by invitation only. Ask an owner or admin of your organisation for an invite.",
        });
      }
      const passwordHash = await hashPassword(input.password);
      const created = await ctx.db.transaction().execute(async (trx) => {
        const userId = await createUser(trx, { email: input.email, name: input.name, passwordHash });
        const organisationId = await createOrganisationWithOwner(trx, input.organisationName, userId);
        return { userId, organisationId };
      });
      await startSession(ctx, created.userId, created.organisationId);
      ctx.log.info(created, "user signed up");
      return created;
    }),

  signIn: access("auth.signIn", "public")
    .input(signInInput)
    .mutation(async ({ ctx, input }) => {
      if ((await recentSignInFailures(ctx.db, input.email)) >= SIGN_IN_MAX_FAILURES) {
        ctx.log.warn("sign-in refused: too many failures for one email");
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `Too many failed sign-ins for this email. Wait ${SIGN_IN_WINDOW_MINUTES} minutes, then try again.`,
        });
      }
      const user = await findUserByEmail(ctx.db, input.email);
      // An unknown email costs a full hash check too, so timing does not reveal which emails exist.
      const passwordOk = await verifyPassword(input.password, user?.password_hash ?? (await decoyPasswordHash()));
      await recordSignInAttempt(ctx.db, input.email, Boolean(user && passwordOk));
      if (!user || !passwordOk) throw new TRPCError({ code: "UNAUTHORIZED", message: "Email or password is incorrect." });

      const [first] = await membershipsOf(ctx.db, user.id);
      await startSession(ctx, user.id, first?.organisationId ?? null);
      ctx.log.info({ userId: user.id }, "user signed in");
      return { userId: user.id };
    }),

  /** Always succeeds, so a stale tab can sign out without an error. */
  signOut: access("auth.signOut", "public").mutation(async ({ ctx }) => {
    await endSession(ctx);
    return { signedOut: true };
  }),

  /** The signed-in user, their organisations, and the active one with their role there. */
  me: access("auth.me", "signedIn").query(async ({ ctx }) => {
    const memberships = await membershipsOf(ctx.db, ctx.user.id);
    let active = memberships.find((m) => m.organisationId === ctx.session.organisationId);
    // The active organisation went away (removed, or none yet): fall back to the first one left.
    if (!active && memberships[0]) {
      active = memberships[0];
      await setActiveOrganisation(ctx, ctx.session.idHash, active.organisationId);
    }
    return { user: ctx.user, memberships, active: active ?? null };
  }),
});
