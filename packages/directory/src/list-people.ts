import { type Db, preparedStatement, sql } from "@roster/db";
import { type Cursor, decodeCursor, encodeCursor } from "./cursor";
import { type PeopleQuery, peopleQuerySchema } from "./schemas";

export interface PersonRow {
  id: string;
  displayName: string;
  workEmail: string | null;
  jobTitle: string | null;
  /** Null when the provider does not let Roster read it. */
  status: string | null;
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

interface ListedRow {
  id: string;
  display_name: string;
  work_email: string | null;
  job_title: string | null;
  status: string | null;
  remote_deleted_at: Date | null;
  department_name: string | null;
  location_name: string | null;
}

function personRow(r: ListedRow): PersonRow {
  return {
    id: r.id,
    displayName: r.display_name,
    workEmail: r.work_email,
    jobTitle: r.job_title,
    status: r.status,
    deleted: r.remote_deleted_at !== null,
    departmentName: r.department_name,
    locationName: r.location_name,
  };
}

/** Filters and plain browsing count up to this (the dashboard's "10,000+ active people"). */
const COUNT_CAP = 10_000;

export interface ListCaps {
  /** Filters and plain browsing count up to this. */
  count: number;
  /**
   * A search gathers up to this many matches through the trigram index, then sorts, pages and
   * counts them in one statement: its cost follows the matches, wherever they fall in the
   * alphabet. A search that matches more walks the name order instead ("5,000+").
   */
  searchGather: number;
  /**
   * The pages after a search's first gather again only when it matched up to this many. A
   * search with more matches is dense enough that walking on from the cursor finds the next
   * page sooner than gathering them all again.
   */
  laterPagesGather: number;
}
const defaultCaps: ListCaps = { count: COUNT_CAP, searchGather: 5_000, laterPagesGather: 1_000 };

export type PersonQuery = ReturnType<typeof peopleQuerySchema.parse>;

/**
 * pg_trgm narrows a LIKE only through runs of three letters or digits: for "al" or "D'A" its
 * index matches nearly every row, each then rechecked, which costs more than walking.
 */
function trigramsCanNarrow(search: string): boolean {
  return /[\p{L}\p{N}]{3}/u.test(search);
}

function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The organisation's people that match the search and filters, after the cursor when given. A
 * search is matched with strpos(), which no index serves, so that the planner walks the name
 * order index-only (the list index carries search_text) rather than gathering every match just
 * to sort them; searchMatches() gathers.
 */
export function matching(db: Db, organisationId: string, query: PersonQuery, after: Cursor | null) {
  const search = query.search ?? "";
  let base = db
    .selectFrom("employees as e")
    .where("e.organisation_id", "=", organisationId)
    .$if(search !== "", (qb) => qb.where(sql<boolean>`strpos(e.search_text, ${search.toLowerCase()}) > 0`))
    .$if(!!query.departmentId, (qb) => qb.where("e.department_id", "=", query.departmentId ?? null))
    .$if(!!query.locationId, (qb) => qb.where("e.location_id", "=", query.locationId ?? null))
    .$if(after !== null, (qb) => qb.where(sql<boolean>`(e.display_name, e.id) > (${after?.displayName}, ${after?.id}::uuid)`));
  if (query.status === "deleted") base = base.where("e.remote_deleted_at", "is not", null);
  else if (query.status) base = base.where("e.status", "=", query.status).where("e.remote_deleted_at", "is", null);
  return base;
}

/**
 * A search's matches through employee_search's trigram index (narrow rows: the matches are
 * rechecked on few pages), after the cursor when given. With a filter, only those that also
 * pass it on their employees row.
 */
function searchMatches(db: Db, organisationId: string, query: PersonQuery, after: Cursor | null) {
  const matches = db
    .selectFrom("employee_search as s")
    .where("s.organisation_id", "=", organisationId)
    .where("s.search_text", "like", likePattern(query.search ?? ""))
    .$if(after !== null, (qb) =>
      qb.where(sql<boolean>`(s.display_name, s.employee_id) > (${after?.displayName}, ${after?.id}::uuid)`),
    )
    .select(["s.employee_id as id", "s.display_name"]);
  if (!query.departmentId && !query.locationId && !query.status) return matches;
  const filtered = matching(db, organisationId, { ...query, search: undefined }, null).select("e.id");
  return matches.where("s.employee_id", "in", filtered);
}

/**
 * A search, through the trigram index: gather every match (up to the cap), then sort, page
 * and count them in one statement. Its cost follows the number of matches, wherever they
 * fall in the alphabet; walking the name order instead costs the distance to the first
 * matches, which for a first name late in the alphabet is nearly the whole directory.
 * Only the sort key is gathered; the page's 51 rows are read again for what the page shows.
 * Undefined when the search matched more than the cap.
 */
async function gatheredPage(db: Db, organisationId: string, query: PersonQuery, after: Cursor | null, cap: number) {
  const rows = await db
    .with(
      (cte) => cte("matches").materialized(),
      () => searchMatches(db, organisationId, query, after).limit(cap + 1),
    )
    .with("page", (qb) =>
      qb
        .selectFrom("matches")
        .selectAll()
        .orderBy("display_name")
        .orderBy("id")
        .limit(query.limit + 1),
    )
    .selectFrom("page as p")
    .innerJoin("employees as e", "e.id", "p.id")
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

/** How many people match, counted up to one past `countUpTo`: a column of the page's own statement. */
function matchedUpTo(db: Db, organisationId: string, query: PersonQuery, countUpTo: number) {
  return db
    .selectFrom(
      matching(db, organisationId, query, null)
        .select(sql`1`.as("one"))
        .limit(countUpTo + 1)
        .as("counted"),
    )
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .as("matched");
}

/** The page's total from the `matched` column, capped at `countUpTo`; none when not counted. */
function pageTotal(rows: readonly unknown[], countUpTo: number | null): { total: number | null; totalIsCapped: boolean } {
  if (countUpTo === null) return { total: null, totalIsCapped: false };
  const matched = Number((rows[0] as { matched?: string } | undefined)?.matched ?? 0);
  return { total: Math.min(matched, countUpTo), totalIsCapped: matched > countUpTo };
}

/**
 * A page in name order by walking the (organisation, name, id) index; when `countUpTo` is
 * given, counted up to it in the same statement (one round trip, not two).
 */
async function walkPage(db: Db, organisationId: string, query: PersonQuery, after: Cursor | null, countUpTo: number | null) {
  const rows = await matching(db, organisationId, query, after)
    .leftJoin("departments as d", "d.id", "e.department_id")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .select(["e.id", "e.display_name", "e.work_email", "e.job_title", "e.status", "e.remote_deleted_at"])
    .select(["d.name as department_name", "l.name as location_name"])
    .$if(countUpTo !== null, (qb) => qb.select(matchedUpTo(db, organisationId, query, countUpTo ?? 0)))
    .orderBy("e.display_name")
    .orderBy("e.id")
    .limit(query.limit + 1)
    .modifyEnd(preparedStatement)
    .execute();
  return { rows, ...pageTotal(rows, countUpTo) };
}

/**
 * The expression behind each sort the list offers, over the person row `e`: the request names a
 * key of this table, never SQL. Empty values sort together (first ascending).
 */
const sortExpressions = {
  name: sql<string>`e.display_name`,
  jobTitle: sql<string>`coalesce(e.job_title, '')`,
  department: sql<string>`coalesce((select sd.name from departments sd where sd.id = e.department_id), '')`,
  location: sql<string>`coalesce((select sl.name from locations sl where sl.id = e.location_id), '')`,
  status: sql<string>`case when e.remote_deleted_at is not null then 'deleted' else coalesce(e.status, '') end`,
} as const;

/**
 * A page ordered by another column than the name (or by name, descending): keyset on (column,
 * name, id), so paging stays exact. No index serves these orders; they sort the matching rows.
 */
async function sortedPage(db: Db, organisationId: string, query: PersonQuery, after: Cursor | null, countUpTo: number | null) {
  const key = sortExpressions[query.sort];
  const direction = query.direction;
  const beyond = direction === "desc" ? sql`<` : sql`>`;
  const rows = await matching(db, organisationId, query, null)
    .$if(after !== null, (qb) =>
      qb.where(
        sql<boolean>`(${key}, e.display_name, e.id) ${beyond} (${after?.key ?? after?.displayName}, ${after?.displayName}, ${after?.id}::uuid)`,
      ),
    )
    .leftJoin("departments as d", "d.id", "e.department_id")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .select(["e.id", "e.display_name", "e.work_email", "e.job_title", "e.status", "e.remote_deleted_at"])
    .select(["d.name as department_name", "l.name as location_name", key.as("sort_key")])
    .$if(countUpTo !== null, (qb) => qb.select(matchedUpTo(db, organisationId, query, countUpTo ?? 0)))
    .orderBy(key, direction)
    .orderBy("e.display_name", direction)
    .orderBy("e.id", direction)
    .limit(query.limit + 1)
    .execute();
  return { rows, ...pageTotal(rows, countUpTo) };
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
  const first = after === null;
  const search = query.search ?? "";
  if (query.sort !== "name" || query.direction === "desc") {
    const sorted = await sortedPage(db, organisationId, query, after, first ? (search ? caps.searchGather : caps.count) : null);
    const rows = sorted.rows.slice(0, query.limit);
    const end = rows.at(-1);
    return {
      people: rows.map(personRow),
      nextCursor: sorted.rows.length > query.limit && end ? encodeCursor(end.display_name, end.id, true, end.sort_key) : null,
      total: first ? sorted.total : null,
      totalIsCapped: first && sorted.totalIsCapped,
    };
  }
  const gather = search !== "" && !after?.walk && trigramsCanNarrow(search);
  const gathered = gather ? await gatheredPage(db, organisationId, query, after, caps.searchGather) : undefined;
  // A gather that overflowed already knows the count passes its cap: the walk need not count.
  const overflowed = gather && !gathered;
  const found =
    gathered ??
    (await walkPage(db, organisationId, query, after, first && !overflowed ? (search ? caps.searchGather : caps.count) : null));
  const total = overflowed ? { total: caps.searchGather, totalIsCapped: true } : found;
  const walkNext = search !== "" && (!gathered || (first && gathered.total > caps.laterPagesGather));

  const page = found.rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    people: page.map(personRow),
    nextCursor: found.rows.length > query.limit && last ? encodeCursor(last.display_name, last.id, walkNext) : null,
    total: first ? total.total : null,
    totalIsCapped: first && total.totalIsCapped,
  };
}
