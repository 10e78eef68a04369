import { syncActivity } from "@roster/connections";
import { headCountHistory } from "@roster/directory";
import { assertConnectionInOrganisation } from "../connections/connection-view";
import { chartRangeInput } from "../schemas/charts";
import { access, router } from "../trpc";

/**
 * The series behind the dashboard's and connection pages' charts, computed in PostgreSQL. A
 * connection of another organisation is "not found", never an empty chart.
 */
export const chartsRouter = router({
  /** People in the directory at the end of each day, from the change log. */
  headCount: access("charts.headCount", "member")
    .input(chartRangeInput)
    .query(async ({ ctx, input }) => {
      if (input.connectionId) await assertConnectionInOrganisation(ctx, ctx.organisationId, input.connectionId);
      return headCountHistory(ctx.db, ctx.organisationId, input);
    }),

  /** Sync runs per day by outcome, with their mean duration. */
  syncs: access("charts.syncs", "admin")
    .input(chartRangeInput)
    .query(async ({ ctx, input }) => {
      if (input.connectionId) await assertConnectionInOrganisation(ctx, ctx.organisationId, input.connectionId);
      return syncActivity(ctx.db, ctx.organisationId, input);
    }),
});
