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
 * A search gathers up to this many matches through the trigram index, then pages and counts
 * them in memory. A search that matches more than this is common enough that walking the
 * name order finds a page quickly, and its count shows as "5,000+".
 */
const SEARCH_GATHER_CAP = 5_000;

export interface ListCaps {
  count: number;
  searchGather: number;
}
const defaultCaps: ListCaps = { count: COUNT_CAP, searchGather: SEARCH_GATHER_CAP };

type PersonQuery = ReturnType<typeof peopleQuerySchema.parse>;
type Cursor = ReturnType<typeof decodeCursor>;

function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The organisation's people that match the search and filters, after the cursor when given. */
function matching(db: Db, organisationId: string, query: PersonQuery, after: Cursor) {
  let base = db
    .selectFrom("employees as e")
    .where("e.organisation_id", "=", organisationId)
    .$if(!!query.search, (qb) => qb.where("e.search_text", "like", likePattern(query.search ?? "")))
    .$if(!!query.departmentId, (qb) => qb.where("e.department_id", "=", query.departmentId ?? null))
    .$if(!!query.locationId, (qb) => qb.where("e.location_id", "=", query.locationId ?? null))
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(e.display_name, e.id) > (${after?.displayName}, ${after?.id}::uuid)`));
  if (query.status === "deleted") base = base.where("e.remote_deleted_at", "is not", null);
  else if (query.status) base = base.where("e.status", "=", query.status).where("e.remote_deleted_at", "is", null);
  return base;
}

const listedColumns = [
  "e.id",
  "e.display_name",
  "e.work_email",
  "e.job_title",
  "e.status",
  "e.remote_deleted_at",
  "e.department_id",
  "e.location_id",
] as const;

/**
 * A search, through the trigram index: gather every match (up to the cap), then sort, page
 * and count them in one statement. Its cost follows the number of matches, wherever they
 * fall in the alphabet; walking the name order instead costs the distance to the first
 * matches, which for a first name late in the alphabet is nearly the whole directory.
 * Undefined when the search matched more than the cap.
 */
async function searchPage(db: Db, organisationId: string, query: PersonQuery, after: Cursor, cap: number) {
  const rows = await db
    .with(
      (cte) => cte("matches").materialized(),
      () =>
        matching(db, organisationId, query, after)
          .select(listedColumns)
          .limit(cap + 1),
    )
    .with("page", (qb) =>
      qb
        .selectFrom("matches")
        .selectAll()
        .orderBy("display_name")
        .orderBy("id")
        .limit(query.limit + 1),
    )
    .selectFrom("page as e")
    .leftJoin("departments as d", "d.id", "e.department_id")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .select(["e.id", "e.display_name", "e.work_email", "e.job_title", "e.status", "e.remote_deleted_at"])
    .select(["d.name as department_name", "l.name as location_name"])
    .select((eb) => eb.selectFrom("matches").select(eb.fn.countAll<string>().as("n")).as("matched"))
    .orderBy("e.display_name")
    .orderBy("e.id")
    .execute();
  const matched = Number(rows[0]?.matched ?? 0);
  if (matched > cap) return undefined;
  return { rows, total: matched, totalIsCapped: false };
}

/**
 * A page in name order by walking the (organisation, name, id) index; on the first page,
 * counted up to `cap` in the same statement (one round trip, not two).
 */
async function walkPage(db: Db, organisationId: string, query: PersonQuery, after: Cursor, cap: number) {
  const counted = db
    .selectFrom(
      matching(db, organisationId, query, null)
        .select(sql`1`.as("one"))
        .limit(cap + 1)
        .as("counted"),
    )
    .select((eb) => eb.fn.countAll<string>().as("n"));
  const rows = await matching(db, organisationId, query, after)
    .leftJoin("departments as d", "d.id", "e.department_id")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .select(["e.id", "e.display_name", "e.work_email", "e.job_title", "e.status", "e.remote_deleted_at"])
    .select(["d.name as department_name", "l.name as location_name"])
    .$if(after === null, (qb) => qb.select(counted.as("matched")))
    .orderBy("e.display_name")
    .orderBy("e.id")
    .limit(query.limit + 1)
    .execute();
  const matched = Number((rows[0] as { matched?: string } | undefined)?.matched ?? 0);
  return { rows, total: Math.min(matched, cap), totalIsCapped: matched > cap };
}

/**
 * One page of an organisation's people: search by name or email, filter by department,
 * location and status, ordered by name with keyset pagination so page 2,000 costs what
 * page 1 does. Deleted and terminated people are listed as such, never dropped.
 */
export async function listPeople(
  db: Db,
  organisationId: string,
  rawQuery: PeopleQuery,
  caps: ListCaps = defaultCaps,
): Promise<PeoplePage> {
  const query = peopleQuerySchema.parse(rawQuery);
  const after = decodeCursor(query.cursor);
  const found =
    (query.search ? await searchPage(db, organisationId, query, after, caps.searchGather) : undefined) ??
    (await walkPage(db, organisationId, query, after, query.search ? caps.searchGather : caps.count));

  const page = found.rows.slice(0, query.limit);
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
    nextCursor: found.rows.length > query.limit && last ? encodeCursor(last.display_name, last.id) : null,
    total: after === null ? found.total : null,
    totalIsCapped: after === null && found.totalIsCapped,
  };
}
