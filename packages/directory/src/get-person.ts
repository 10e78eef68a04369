import { type Db, sql } from "@roster/db";

export interface PersonRef {
  id: string;
  displayName: string;
  jobTitle: string | null;
}

export interface PersonDetail {
  id: string;
  remoteId: string;
  connectionId: string;
  firstName: string | null;
  lastName: string | null;
  preferredName: string | null;
  displayName: string;
  workEmail: string | null;
  personalEmail: string | null;
  workPhone: string | null;
  workPhoneE164: string | null;
  personalPhone: string | null;
  status: string;
  remoteStatus: string | null;
  employmentType: string | null;
  jobTitle: string | null;
  department: { id: string; name: string } | null;
  location: { id: string; name: string; city: string | null; country: string | null } | null;
  /** From the person record, else from the latest employment. */
  startDate: string | null;
  terminationDate: string | null;
  deletedAt: Date | null;
  updatedAt: Date;
  /** Manager first, then their manager, up to the top. */
  managerChain: PersonRef[];
  directReports: PersonRef[];
  customFields: { name: string; type: string; value: unknown }[];
  employments: {
    startDate: string | null;
    terminationDate: string | null;
    employmentType: string | null;
    isActive: boolean | null;
  }[];
  history: { change: string; fields: string[] | null; at: Date }[];
}

/** Everything the person page shows, scoped to the organisation; null when not found there. */
export async function getPerson(db: Db, organisationId: string, id: string): Promise<PersonDetail | null> {
  const e = await db
    .selectFrom("employees as e")
    .leftJoin("departments as d", "d.id", "e.department_id")
    .leftJoin("locations as l", "l.id", "e.location_id")
    .selectAll("e")
    .select(["d.name as department_name", "l.name as location_name", "l.city as location_city", "l.country as location_country"])
    .where("e.organisation_id", "=", organisationId)
    .where("e.id", "=", id)
    .executeTakeFirst();
  if (!e) return null;

  // Bounded walk up the chain: a cycle in provider data must not loop forever.
  const { rows: chain } = await sql<{ id: string; display_name: string; job_title: string | null }>`
    with recursive chain(id, manager_id, display_name, job_title, depth) as (
      select m.id, m.manager_id, m.display_name, m.job_title, 1
      from employees m where m.id = ${e.manager_id} and m.organisation_id = ${organisationId}
      union all
      select m.id, m.manager_id, m.display_name, m.job_title, c.depth + 1
      from employees m join chain c on m.id = c.manager_id
      where c.depth < 25 and m.id <> ${e.id}
    )
    select id, display_name, job_title from chain order by depth`.execute(db);

  const [reports, customFields, employments, history] = await Promise.all([
    db
      .selectFrom("employees")
      .select(["id", "display_name", "job_title"])
      .where("manager_id", "=", e.id)
      .where("remote_deleted_at", "is", null)
      .orderBy("display_name")
      .limit(500)
      .execute(),
    db
      .selectFrom("custom_field_values as v")
      .innerJoin("custom_fields as f", (join) =>
        join.onRef("f.connection_id", "=", "v.connection_id").onRef("f.remote_id", "=", "v.custom_field_remote_id"),
      )
      .select(["f.name", "f.type", "v.value"])
      .where("v.connection_id", "=", e.connection_id)
      .where("v.employee_remote_id", "=", e.remote_id)
      .where("v.remote_deleted_at", "is", null)
      .orderBy("f.name")
      .execute(),
    db
      .selectFrom("employments")
      .select(["start_date", "termination_date", "employment_type", "is_active"])
      .where("connection_id", "=", e.connection_id)
      .where("employee_remote_id", "=", e.remote_id)
      .where("remote_deleted_at", "is", null)
      .orderBy("start_date", "desc")
      .execute(),
    db
      .selectFrom("change_log")
      .select(["change", "fields", "created_at"])
      .where("connection_id", "=", e.connection_id)
      .where("entity", "=", "employees")
      .where("remote_id", "=", e.remote_id)
      .orderBy("created_at", "desc")
      .limit(50)
      .execute(),
  ]);

  const latest = employments[0];
  const ref = (r: { id: string; display_name: string; job_title: string | null }): PersonRef => ({
    id: r.id,
    displayName: r.display_name,
    jobTitle: r.job_title,
  });
  return {
    id: e.id,
    remoteId: e.remote_id,
    connectionId: e.connection_id,
    firstName: e.first_name,
    lastName: e.last_name,
    preferredName: e.preferred_name,
    displayName: e.display_name,
    workEmail: e.work_email,
    personalEmail: e.personal_email,
    workPhone: e.work_phone,
    workPhoneE164: e.work_phone_e164,
    personalPhone: e.personal_phone,
    status: e.status,
    remoteStatus: e.remote_status,
    employmentType: e.employment_type ?? latest?.employment_type ?? null,
    jobTitle: e.job_title,
    department: e.department_id && e.department_name ? { id: e.department_id, name: e.department_name } : null,
    location:
      e.location_id && e.location_name
        ? { id: e.location_id, name: e.location_name, city: e.location_city, country: e.location_country }
        : null,
    startDate: e.start_date ?? latest?.start_date ?? null,
    terminationDate: e.termination_date ?? latest?.termination_date ?? null,
    deletedAt: e.remote_deleted_at,
    updatedAt: e.updated_at,
    managerChain: chain.map(ref),
    directReports: reports.map(ref),
    customFields: customFields.map((f) => ({ name: f.name, type: f.type, value: f.value })),
    employments: employments.map((m) => ({
      startDate: m.start_date,
      terminationDate: m.termination_date,
      employmentType: m.employment_type,
      isActive: m.is_active,
    })),
    history: history.map((h) => ({ change: h.change, fields: h.fields, at: h.created_at })),
  };
}
