import { type Db, sql } from "@roster/db";

export interface GroupRow {
  id: string;
  name: string;
  /** People in it who are neither terminated nor deleted. */
  headCount: number;
  deleted: boolean;
  detail: string | null;
}

/** Departments with head counts, for the directory's filters and its departments page. */
export async function listDepartments(db: Db, organisationId: string): Promise<GroupRow[]> {
  const rows = await db
    .selectFrom("departments as d")
    .leftJoin("employees as e", (join) =>
      join.onRef("e.department_id", "=", "d.id").on("e.remote_deleted_at", "is", null).on("e.status", "<>", "terminated"),
    )
    .select(["d.id", "d.name", "d.remote_deleted_at", sql<number>`count(e.id)::int`.as("head_count")])
    .where("d.organisation_id", "=", organisationId)
    .groupBy(["d.id", "d.name", "d.remote_deleted_at"])
    .orderBy("d.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    headCount: r.head_count,
    deleted: r.remote_deleted_at !== null,
    detail: null,
  }));
}

/** Locations with head counts and a one-line address. */
export async function listLocations(db: Db, organisationId: string): Promise<GroupRow[]> {
  const rows = await db
    .selectFrom("locations as l")
    .leftJoin("employees as e", (join) =>
      join.onRef("e.location_id", "=", "l.id").on("e.remote_deleted_at", "is", null).on("e.status", "<>", "terminated"),
    )
    .select([
      "l.id",
      "l.name",
      "l.city",
      "l.state",
      "l.country",
      "l.remote_deleted_at",
      sql<number>`count(e.id)::int`.as("head_count"),
    ])
    .where("l.organisation_id", "=", organisationId)
    .groupBy(["l.id", "l.name", "l.city", "l.state", "l.country", "l.remote_deleted_at"])
    .orderBy("l.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    headCount: r.head_count,
    deleted: r.remote_deleted_at !== null,
    detail: [r.city, r.state, r.country].filter(Boolean).join(", ") || null,
  }));
}
