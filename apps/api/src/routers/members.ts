import { recordAudit } from "@roster/accounts";
import type { Role } from "@roster/db";
import { assertNotLastOwner, lockMembershipForChange } from "../accounts/memberships";
import { changeRoleInput, removeMemberInput, setSensitiveInput } from "../schemas/members";
import { access, router } from "../trpc";

const roleRank: Record<Role, number> = { owner: 0, admin: 1, member: 2 };

export const membersRouter = router({
  /** Everyone in the active organisation: owners first, then admins, then members. */
  list: access("members.list", "member").query(async ({ ctx }) => {
    const rows = await ctx.db
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select(["u.id as userId", "u.name", "u.email", "m.role", "m.sensitive", "m.created_at as joinedAt"])
      .where("m.organisation_id", "=", ctx.organisationId)
      .orderBy("u.name")
      .execute();
    return rows.sort((a, b) => roleRank[a.role] - roleRank[b.role]);
  }),

  changeRole: access("members.changeRole", "owner")
    .input(changeRoleInput)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const { target, ownerCount } = await lockMembershipForChange(trx, ctx.organisationId, input.userId);
        if (target.role === input.role) return { userId: input.userId, role: input.role, changed: false };
        assertNotLastOwner(target, ownerCount, "demote");
        await trx
          .updateTable("memberships")
          .set({ role: input.role })
          .where("organisation_id", "=", ctx.organisationId)
          .where("user_id", "=", input.userId)
          .execute();
        await recordAudit(trx, {
          organisationId: ctx.organisationId,
          actorUserId: ctx.user.id,
          action: "member.role_changed",
          targetType: "member",
          targetId: input.userId,
          details: { email: target.email, from: target.role, to: input.role },
        });
        return { userId: input.userId, role: input.role, changed: true };
      });
    }),

  /** The sensitive flag lets a plain member see sensitive data; owners and admins always can. */
  setSensitive: access("members.setSensitive", "owner")
    .input(setSensitiveInput)
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const { target } = await lockMembershipForChange(trx, ctx.organisationId, input.userId);
        if (target.sensitive === input.sensitive) return { userId: input.userId, sensitive: input.sensitive, changed: false };
        await trx
          .updateTable("memberships")
          .set({ sensitive: input.sensitive })
          .where("organisation_id", "=", ctx.organisationId)
          .where("user_id", "=", input.userId)
          .execute();
        await recordAudit(trx, {
          organisationId: ctx.organisationId,
          actorUserId: ctx.user.id,
          action: input.sensitive ? "member.sensitive_granted" : "member.sensitive_revoked",
          targetType: "member",
          targetId: input.userId,
          details: { email: target.email },
        });
        return { userId: input.userId, sensitive: input.sensitive, changed: true };
      });
    }),

  remove: access("members.remove", "owner")
    .input(removeMemberInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const { target, ownerCount } = await lockMembershipForChange(trx, ctx.organisationId, input.userId);
        assertNotLastOwner(target, ownerCount, "remove");
        await trx
          .deleteFrom("memberships")
          .where("organisation_id", "=", ctx.organisationId)
          .where("user_id", "=", input.userId)
          .execute();
        // Their open sessions stop pointing here; the server refuses them anyway, this keeps `me` tidy.
        await trx
          .updateTable("auth_sessions")
          .set({ organisation_id: null })
          .where("user_id", "=", input.userId)
          .where("organisation_id", "=", ctx.organisationId)
          .execute();
        await recordAudit(trx, {
          organisationId: ctx.organisationId,
          actorUserId: ctx.user.id,
          action: "member.removed",
          targetType: "member",
          targetId: input.userId,
          details: { email: target.email, role: target.role },
        });
      });
      return { userId: input.userId, removed: true };
    }),
});
