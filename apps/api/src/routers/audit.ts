import { auditListInput } from "../schemas/audit";
import { access, router } from "../trpc";

export const auditRouter = router({
  /** Newest first, a page at a time: who did what to members, invites, connections, credentials. */
  list: access("audit.list", "owner")
    .input(auditListInput)
    .query(async ({ ctx, input }) => {
      let query = ctx.db
        .selectFrom("audit_log as a")
        .leftJoin("users as u", "u.id", "a.actor_user_id")
        .select([
          "a.id",
          "a.action",
          "a.target_type as targetType",
          "a.target_id as targetId",
          "a.details",
          "a.created_at as createdAt",
          "u.name as actorName",
          "u.email as actorEmail",
        ])
        .where("a.organisation_id", "=", ctx.organisationId)
        .orderBy("a.id", "desc")
        .limit(input.limit + 1);
      if (input.cursor != null) query = query.where("a.id", "<", String(input.cursor));
      const rows = await query.execute();
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        entries: page.map((row) => ({ ...row, id: Number(row.id) })),
        nextCursor: rows.length > input.limit && last ? Number(last.id) : null,
      };
    }),
});
