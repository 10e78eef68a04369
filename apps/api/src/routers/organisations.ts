import { recordAudit } from "@roster/accounts";
import { TRPCError } from "@trpc/server";
import { setActiveOrganisation } from "../auth/sessions";
import { renameOrganisationInput, switchOrganisationInput } from "../schemas/organisations";
import { access, router } from "../trpc";

export const organisationsRouter = router({
  /** Makes another of the caller's organisations the active one for this session. */
  switch: access("organisations.switch", "signedIn")
    .input(switchOrganisationInput)
    .mutation(async ({ ctx, input }) => {
      const membership = await ctx.db
        .selectFrom("memberships")
        .select("role")
        .where("organisation_id", "=", input.organisationId)
        .where("user_id", "=", ctx.user.id)
        .executeTakeFirst();
      if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of that organisation." });
      await setActiveOrganisation(ctx, ctx.session.idHash, input.organisationId);
      return { organisationId: input.organisationId, role: membership.role };
    }),

  rename: access("organisations.rename", "owner")
    .input(renameOrganisationInput)
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("organisations")
          .select("name")
          .where("id", "=", ctx.organisationId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        await trx.updateTable("organisations").set({ name: input.name }).where("id", "=", ctx.organisationId).execute();
        await recordAudit(trx, {
          organisationId: ctx.organisationId,
          actorUserId: ctx.user.id,
          action: "organisation.renamed",
          targetType: "organisation",
          targetId: ctx.organisationId,
          details: { from: before.name, to: input.name },
        });
      });
      return { name: input.name };
    }),
});
