import { type Db, sql } from "@roster/db";
import { decodeCursor, encodeCursor } from "./cursor";
import { type PeopleQuery, peopleQuerySchema } from "./schemas";

export interface PersonRow {
  id: string;
  displayName: string;
  workEmail: string | null;
  jobTitle: string | null;
  status: string;
  deleted: boolean;
  departmentName: string | null;
  locationName: string | null;
}

export interface PeoplePage {
  people: PersonRow[];
  nextCursor: string | null;
  /**
   * Matching people, counted up to a cap (`totalIsCapped` says when there are more). Counted
   * on the first page only: the pages after it (a cursor) answer null, and the first page's
   * count stands for the whole walk.
   */
  total: number | null;
  totalIsCapped: boolean;
}

/** Filters and plain browsing count up to this (the dashboard's "10,000+ active people"). */
const COUNT_CAP = 10_000;
/**
 * A search counts up to this: each match costs a read of its (wide) row to confirm the
 * substring, and past a thousand the person refines the search rather than reads the number.
 */
const SEARCH_COUNT_CAP = 1_000;

function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of an organisation's people: search by name or email, filter by department,
 * location and status, ordered by name with keyset pagination so page 2,000 costs what
 * page 1 does. Deleted and terminated people are listed as such, never dropped.
 */
export async function listPeople(db: Db, organisationId: string, rawQuery: PeopleQuery): Promise<PeoplePage> {
  const query = peopleQuerySchema.parse(rawQuery);
  let base = db
    .selectFrom("employees as e")
    .where("e.organisation_id", "=", organisationId)
    .$if(!!query.search, (qb) => qb.where("e.search_text", "like", likePattern(query.search ?? "")))
    .$if(!!query.departmentId, (qb) => qb.where("e.department_id", "=", query.departmentId ?? null))
    .$if(!!query.locationId, (qb) => qb.where("e.location_id", "=", query.locationId ?? null));
  if (query.status === "deleted") base = base.where("e.remote_deleted_at", "is not", null);
  else if (query.status) base = base.where("e.status", "=", query.status).where("e.remote_deleted_at", "is", null);

  const after = decodeCursor(query.cursor);
  const rows = await base
    .leftJoin("departments as d", "d.id", "e.department_id")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .select([
      "e.id",
      "e.display_name",
      "e.work_email",
      "e.job_title",
      "e.status",
      "e.remote_deleted_at",
      "d.name as department_name",
      "l.name as location_name",
    ])
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(e.display_name, e.id) > (${after?.displayName}, ${after?.id}::uuid)`))
    .orderBy("e.display_name")
    .orderBy("e.id")
    .limit(query.limit + 1)
    .execute();

  const cap = query.search ? SEARCH_COUNT_CAP : COUNT_CAP;
  const counted =
    after === null
      ? await db
          .selectFrom(
            base
              .select(sql`1`.as("one"))
              .limit(cap + 1)
              .as("matching"),
          )
          .select((eb) => eb.fn.countAll<number>().as("total"))
          .executeTakeFirstOrThrow()
      : null;

  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    people: page.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      workEmail: r.work_email,
      jobTitle: r.job_title,
      status: r.status,
      deleted: r.remote_deleted_at !== null,
      departmentName: r.department_name,
      locationName: r.location_name,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.display_name, last.id) : null,
    total: counted ? Math.min(Number(counted.total), cap) : null,
    totalIsCapped: counted ? Number(counted.total) > cap : false,
  };
}
