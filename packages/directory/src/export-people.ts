import type { Db } from "@roster/db";
import type { z } from "zod";
import { matching } from "./list-people";
import { peopleQuerySchema } from "./schemas";

/** The directory's filters, as the list applies them, without its paging. */
export const peopleExportQuerySchema = peopleQuerySchema.omit({ cursor: true, limit: true });
export type PeopleExportQuery = z.input<typeof peopleExportQuerySchema>;

export interface ExportedPerson {
  id: string;
  displayName: string;
  workEmail: string | null;
  jobTitle: string | null;
  departmentName: string | null;
  locationName: string | null;
  managerName: string | null;
  status: string | null;
  deleted: boolean;
  startDate: string | null;
  /** Only when the caller may see sensitive data; undefined otherwise (never read from the table). */
  personalEmail?: string | null;
  personalPhone?: string | null;
}

const BATCH = 500;

/**
 * Every person matching the filters, in the list's name order, read in keyset batches so an
 * export of any size holds one batch in memory. Sensitive columns are selected only when asked.
 */
export async function* exportPeople(
  db: Db,
  organisationId: string,
  rawQuery: PeopleExportQuery,
  options: { sensitive: boolean; batch?: number },
): AsyncGenerator<ExportedPerson[]> {
  const query = { ...peopleExportQuerySchema.parse(rawQuery), limit: 1 };
  const batch = options.batch ?? BATCH;
  const read = (after: { displayName: string; id: string } | null) =>
    matching(db, organisationId, query, after ? { ...after, walk: true } : null)
      .leftJoin("departments as d", "d.id", "e.department_id")
      .leftJoin("locations as l", "l.id", "e.location_id")
      .leftJoin("employees as m", "m.id", "e.manager_id")
      .select(["e.id", "e.display_name", "e.work_email", "e.job_title", "e.status", "e.remote_deleted_at", "e.start_date"])
      .select(["d.name as department_name", "l.name as location_name", "m.display_name as manager_name"])
      .$if(options.sensitive, (qb) => qb.select(["e.personal_email", "e.personal_phone"]))
      .orderBy("e.display_name")
      .orderBy("e.id")
      .limit(batch)
      .execute();
  let after: { displayName: string; id: string } | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      workEmail: r.work_email,
      jobTitle: r.job_title,
      departmentName: r.department_name,
      locationName: r.location_name,
      managerName: r.manager_name,
      status: r.status,
      deleted: r.remote_deleted_at !== null,
      startDate: r.start_date,
      ...(options.sensitive
        ? {
            personalEmail: (r as { personal_email?: string | null }).personal_email ?? null,
            personalPhone: (r as { personal_phone?: string | null }).personal_phone ?? null,
          }
        : {}),
    }));
    if (rows.length < batch) return;
    const last = rows.at(-1)!;
    after = { displayName: last.display_name, id: last.id };
  }
}
