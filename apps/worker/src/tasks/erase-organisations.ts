import type { Task } from "graphile-worker";
import type { WorkerDeps } from "../deps";

/**
 * Hourly (crontab): erases organisations whose deletion's grace period has passed. Deleting the
 * organisation row cascades to everything it owns; the erasure record (no foreign key) stays,
 * marked erased. One transaction per organisation, so one failure does not hold back the rest.
 */
export function eraseOrganisations(deps: Pick<WorkerDeps, "db" | "log">): Task<"erase_organisations"> {
  return async () => {
    const due = await deps.db
      .selectFrom("organisation_erasures")
      .select(["id", "organisation_id"])
      .where("erased_at", "is", null)
      .where("cancelled_at", "is", null)
      .where("erase_after", "<=", new Date())
      .execute();
    for (const erasure of due) {
      await deps.db.transaction().execute(async (trx) => {
        await trx.deleteFrom("organisations").where("id", "=", erasure.organisation_id).execute();
        await trx.updateTable("organisation_erasures").set({ erased_at: new Date() }).where("id", "=", erasure.id).execute();
      });
      deps.log.info({ task: "erase_organisations", organisationId: erasure.organisation_id }, "organisation erased");
    }
  };
}
