import { type Db, preparedStatement, type RawBuilder, sql } from "@roster/db";
import { jsonObject } from "../resources/model-shape";
import type { ResourceDefinition, ShapeOptions } from "../resources/resource";

export interface PageQuery {
  organisationId: string;
  shape: ShapeOptions;
  /** Filter conditions on the row `r`, already bound to their values. */
  conditions: RawBuilder<boolean>[];
  modifiedAfter: string | null;
  includeDeleted: boolean;
  after: string | null;
  pageSize: number;
}

/**
 * One page of a resource in id order, as JSON texts built by PostgreSQL: a keyset walk on
 * (organisation_id, id), so page 1,000 costs what page 1 does. A prepared statement: its shape
 * depends only on which filters are present, and its plan is made once per connection.
 */
export async function readPage(
  db: Db,
  resource: ResourceDefinition,
  query: PageQuery,
): Promise<{ items: string[]; lastId: string | null; more: boolean }> {
  const where: RawBuilder<boolean>[] = [sql`r.organisation_id = ${query.organisationId}`, ...query.conditions];
  if (query.after !== null) where.push(sql`r.id > ${query.after}::uuid`);
  if (resource.softDeleted && !query.includeDeleted) where.push(sql`r.remote_deleted_at is null`);
  if (query.modifiedAfter !== null && resource.modifiedColumn) {
    where.push(sql`${sql.ref(`r.${resource.modifiedColumn}`)} > ${query.modifiedAfter}::timestamptz`);
  }
  const { rows } = await sql<{ id: string; j: string }>`
    select r.id::text as id, ${jsonObject(resource.fields(query.shape), "r")} as j
    from ${sql.table(resource.table)} r
    where ${sql.join(where, sql` and `)}
    order by r.id
    limit ${query.pageSize + 1} ${preparedStatement}`.execute(db);
  const more = rows.length > query.pageSize;
  const page = more ? rows.slice(0, query.pageSize) : rows;
  return { items: page.map((r) => r.j), lastId: page.at(-1)?.id ?? null, more };
}

/** One record of the organisation by id (deleted ones too: they carry remote_deleted_at), or null. */
export async function readOne(
  db: Db,
  resource: ResourceDefinition,
  organisationId: string,
  id: string,
  shape: ShapeOptions,
): Promise<string | null> {
  const { rows } = await sql<{ j: string }>`
    select ${jsonObject(resource.fields(shape), "r")} as j
    from ${sql.table(resource.table)} r
    where r.organisation_id = ${organisationId} and r.id = ${id}::uuid ${preparedStatement}`.execute(db);
  return rows[0]?.j ?? null;
}
