import { AlreadyMemberError, createInvite, findUserByEmail, hashPassword, recordAudit } from "@roster/accounts";
import { TRPCError } from "@trpc/server";
import { createUser } from "../accounts/users";
import { setActiveOrganisation, startSession } from "../auth/sessions";
import { inviteEmail } from "../email/invite-email";
import { enqueueEmail } from "../email/outbox";
import { assertInvitePending, consumeInvite, findInviteByToken } from "../invites/pending-invite";
import { acceptInviteWithSignUpInput, createInviteInput, inviteTokenInput, revokeInviteInput } from "../schemas/invites";
import { access, router } from "../trpc";

export const invitesRouter = router({
  /** What the invite page shows before anyone signs in: whose invite, for which email. */
  preview: access("invites.preview", "public")
    .input(inviteTokenInput)
    .query(async ({ ctx, input }) => {
      const invite = await findInviteByToken(ctx.db, input.token);
      const account = await findUserByEmail(ctx.db, invite.email);
      return {
        organisationName: invite.organisation_name,
        email: invite.email,
        role: invite.role,
        status: invite.status,
        expiresAt: invite.expires_at,
        accountExists: Boolean(account),
      };
    }),

  /** The signed-in user accepts an invite sent to their own email. */
  accept: access("invites.accept", "signedIn")
    .input(inviteTokenInput)
    .mutation(async ({ ctx, input }) => {
      const invite = await findInviteByToken(ctx.db, input.token);
      assertInvitePending(invite);
      if (invite.email !== ctx.user.email) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `This invite was sent to ${invite.email}. Sign in with that email to accept it.`,
        });
      }
      await ctx.db.transaction().execute(async (trx) => {
        await consumeInvite(trx, invite, ctx.user.id);
        await recordAudit(trx, {
          organisationId: invite.organisation_id,
          actorUserId: ctx.user.id,
          action: "invite.accepted",
          targetType: "invite",
          targetId: invite.id,
          details: { email: invite.email, role: invite.role },
        });
      });
      await setActiveOrganisation(ctx, ctx.session.idHash, invite.organisation_id);
      return { organisationId: invite.organisation_id };
    }),

  /** A new account for the invited email, joined to the organisation, signed in. */
  acceptWithSignUp: access("invites.acceptWithSignUp", "public")
    .input(acceptInviteWithSignUpInput)
    .mutation(async ({ ctx, input }) => {
      const invite = await findInviteByToken(ctx.db, input.token);
      assertInvitePending(invite);
      if (await findUserByEmail(ctx.db, invite.email)) {
        throw new TRPCError({ code: "CONFLICT", message: `An account for ${invite.email} already exists. Sign in to accept.` });
      }
      const passwordHash = await hashPassword(input.password);
      const userId = await ctx.db.transaction().execute(async (trx) => {
        const id = await createUser(trx, { email: invite.email, name: input.name, passwordHash });
        await consumeInvite(trx, invite, id);
        await recordAudit(trx, {
          organisationId: invite.organisation_id,
          actorUserId: id,
          action: "invite.accepted",
          targetType: "invite",
          targetId: invite.id,
          details: { email: invite.email, role: invite.role },
        });
        return id;
      });
      await startSession(ctx, userId, invite.organisation_id);
      return { userId, organisationId: invite.organisation_id };
    }),

  /** Open invites of the active organisation. */
  list: access("invites.list", "owner").query(async ({ ctx }) => {
    return ctx.db
      .selectFrom("invites as i")
      .leftJoin("users as u", "u.id", "i.invited_by")
      .select(["i.id", "i.email", "i.role", "i.expires_at as expiresAt", "i.created_at as createdAt", "u.name as invitedBy"])
      .where("i.organisation_id", "=", ctx.organisationId)
      .where("i.accepted_at", "is", null)
      .where("i.expires_at", ">", new Date())
      .orderBy("i.created_at", "desc")
      .execute();
  }),

  /**
   * Invites someone by email. The email is queued in the outbox in the same transaction
   * (the worker sends it); the link is also returned so the owner can share it directly.
   */
  create: access("invites.create", "owner")
    .input(createInviteInput)
    .mutation(async ({ ctx, input }) => {
      const invite = await ctx.db.transaction().execute(async (trx) => {
        const created = await createInvite(trx, {
          organisationId: ctx.organisationId,
          email: input.email,
          role: input.role,
          invitedBy: ctx.user.id,
          publicUrl: ctx.config.PUBLIC_URL,
        }).catch((error: unknown) => {
          if (error instanceof AlreadyMemberError)
            throw new TRPCError({ code: "CONFLICT", message: `${input.email} is already a member.` });
          throw error;
        });
        const email = inviteEmail({
          organisationName: created.organisationName,
          inviterName: ctx.user.name,
          role: input.role,
          link: created.link,
          expiresAt: created.expiresAt,
        });
        await enqueueEmail(trx, {
          organisationId: ctx.organisationId,
          kind: "invite",
          to: [input.email],
          subject: email.subject,
          textBody: email.text,
          htmlBody: email.html,
          dedupeKey: `invite:${created.id}`,
        });
        await recordAudit(trx, {
          organisationId: ctx.organisationId,
          actorUserId: ctx.user.id,
          action: "invite.created",
          targetType: "invite",
          targetId: created.id,
          details: { email: input.email, role: input.role },
        });
        return created;
      });
      return { id: invite.id, email: input.email, role: input.role, link: invite.link, expiresAt: invite.expiresAt };
    }),

  revoke: access("invites.revoke", "owner")
    .input(revokeInviteInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom("invites")
          .where("id", "=", input.inviteId)
          .where("organisation_id", "=", ctx.organisationId)
          .where("accepted_at", "is", null)
          .returning(["id", "email", "role"])
          .executeTakeFirst();
        if (!removed) throw new TRPCError({ code: "NOT_FOUND", message: "No open invite with that id in this organisation." });
        await recordAudit(trx, {
          organisationId: ctx.organisationId,
          actorUserId: ctx.user.id,
          action: "invite.revoked",
          targetType: "invite",
          targetId: removed.id,
          details: { email: removed.email, role: removed.role },
        });
      });
      return { inviteId: input.inviteId, revoked: true };
    }),
});
