import { sql } from "@roster/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { resources } from "../src/resources/index";
import { nestedObject } from "../src/resources/model-shape";
import type { ResourceDefinition, ShapeOptions } from "../src/resources/resource";
import { get, startWorld, type World } from "./helpers/world";

// The API writes each record's JSON itself from PostgreSQL's binary columns. Whatever the
// resource and shape, what it sends must be what PostgreSQL's own JSON of the same fields is.
let world: World;
let key: string;
beforeAll(async () => {
  world = await startWorld({ people: 40 });
  key = await world.keyFor(world.a.organisationId, ["directory:read", "sensitive:read", "connections:read"]);
  // Records at the edges of their formats: NULLs, quotes and control characters, non-Latin text,
  // a deleted person, and timestamps with fractions of every length.
  await sql`update employees set
      display_name = ${'Zoë "Z" \\ 中村\n花子'}, job_title = null,
      remote_deleted_at = '2026-01-02 03:04:05.000600+00', updated_at = '2026-12-07 06:29:12.5+00'
    where id = (select id from employees where organisation_id = ${world.a.organisationId} order by id limit 1)`.execute(
    world.database.db,
  );
  // Runs of an equal value broken by NULL and by another value: the writer reuses the JSON of a
  // value equal to the previous row's, so a wrong reuse would show here.
  await sql`update employees e set
      remote_deleted_at = case when o.n in (2, 4) then '2026-01-02 03:04:05.000600+00'::timestamptz else e.remote_deleted_at end,
      termination_date = case when o.n in (1, 2, 4) then date '2026-03-01' when o.n = 5 then date '2026-03-02' end
    from (select id, row_number() over (order by id) as n from employees where organisation_id = ${world.a.organisationId}) o
    where e.id = o.id and o.n <= 5`.execute(world.database.db);
});
afterAll(async () => world?.close());

const shapes: { query: string; shape: ShapeOptions }[] = [
  { query: "", shape: { sensitive: true, includeRemoteData: false, expand: new Set() } },
  {
    query: "include_remote_data=true&include_deleted=true&expand=manager,department,location",
    shape: { sensitive: true, includeRemoteData: true, expand: new Set(["manager", "department", "location"]) },
  },
];

/** PostgreSQL's JSON of the resource's fields for each row (UTC), by id. */
async function postgresRecords(resource: ResourceDefinition, shape: ShapeOptions) {
  return world.database.db.transaction().execute(async (trx) => {
    await sql`set local timezone to 'UTC'`.execute(trx);
    const deleted = resource.softDeleted ? sql`r.remote_deleted_at is not null` : sql`false`;
    const { rows } = await sql<{ id: string; j: unknown; deleted: boolean }>`
      select r.id::text as id, ${nestedObject(resource.fields(shape), "r")} as j, ${deleted} as deleted
      from ${sql.table(resource.table)} r where r.organisation_id = ${world.a.organisationId}`.execute(trx);
    return {
      records: new Map(rows.map((row) => [row.id, row.j])),
      deleted: new Set(rows.filter((row) => row.deleted).map((row) => row.id)),
    };
  });
}

it("every resource's list and get, in every shape, send what PostgreSQL's own JSON of those fields is", async () => {
  // Tried: each resource listed whole (small pages, so cursors are used) and each record fetched
  // by id, plainly and with every option its resource takes. Must hold: each record, parsed,
  // equals PostgreSQL's json_build_object of the same fields; nothing is missing or extra.
  let compared = 0;
  let deletedSeen = false;
  for (const resource of resources) {
    for (const { query, shape } of shapes) {
      const options = query
        .split("&")
        .filter((part) => part && (resource.softDeleted || !part.startsWith("include_deleted")))
        .filter((part) => resource.remoteData || !part.startsWith("include_remote_data"))
        .filter((part) => resource.expandable || !part.startsWith("expand"))
        .join("&");
      const effective: ShapeOptions = {
        ...shape,
        includeRemoteData: shape.includeRemoteData && resource.remoteData,
        expand: resource.expandable ? shape.expand : new Set(),
      };
      const { records: expected, deleted } = await postgresRecords(resource, effective);
      const listed: { id: string }[] = [];
      let cursor: string | null = null;
      do {
        const page = await get(
          world,
          key,
          `/api/v1/${resource.path}?page_size=7&${options}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
        expect(page.status, `${resource.path}?${options}`).toBe(200);
        listed.push(...(page.body.data as { id: string }[]));
        cursor = page.body.next_cursor as string | null;
      } while (cursor);
      for (const record of listed) {
        if ((record as { display_name?: string }).display_name?.includes("中村\n花子")) deletedSeen = true;
        expect(record, `${resource.path} ${record.id} (${options})`).toEqual(expected.get(record.id));
        const one = await get(
          world,
          key,
          `/api/v1/${resource.path}/${record.id}?${options.replace(/&?include_deleted=true/, "")}`,
        );
        expect(one.body, `${resource.path}/${record.id}`).toEqual(expected.get(record.id));
        compared++;
      }
      const shouldList = [...expected.keys()].filter((id) => options.includes("include_deleted") || !deleted.has(id));
      expect(listed.map((r) => r.id).sort(), `${resource.path}?${options}`).toEqual(shouldList.sort());
    }
  }
  expect(compared).toBeGreaterThan(150);
  // The edited person was seen: deleted (only with include_deleted) and with their awkward name.
  expect(deletedSeen).toBe(true);
});
