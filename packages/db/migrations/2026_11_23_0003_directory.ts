import { type CreateTableBuilder, type Kysely, sql } from "kysely";

// Every synced record: scoped to an organisation and a connection, keyed by the
// provider's id, never hard-deleted (remote_deleted_at marks what vanished).
function syncedRecord(table: CreateTableBuilder<any, any>) {
  return table
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("connection_id", "uuid", (c) => c.notNull().references("connections.id").onDelete("cascade"))
    .addColumn("remote_id", "text", (c) => c.notNull());
}

function syncedRecordTail(table: CreateTableBuilder<any, any>, name: string) {
  return table
    .addColumn("remote_data", "jsonb", (c) => c.notNull())
    .addColumn("remote_updated_at", "timestamptz")
    .addColumn("remote_deleted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint(`${name}_connection_remote`, ["connection_id", "remote_id"]);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await syncedRecordTail(
    syncedRecord(db.schema.createTable("companies"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("legal_name", "text"),
    "companies",
  ).execute();

  await syncedRecordTail(
    syncedRecord(db.schema.createTable("departments"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("parent_remote_id", "text"),
    "departments",
  ).execute();

  await syncedRecordTail(
    syncedRecord(db.schema.createTable("locations"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("street1", "text")
      .addColumn("street2", "text")
      .addColumn("city", "text")
      .addColumn("state", "text")
      .addColumn("postal_code", "text")
      .addColumn("country", "text")
      .addColumn("phone", "text"),
    "locations",
  ).execute();

  await syncedRecordTail(
    syncedRecord(db.schema.createTable("employees"))
      .addColumn("first_name", "text")
      .addColumn("last_name", "text")
      .addColumn("preferred_name", "text")
      .addColumn("display_name", "text", (c) => c.notNull())
      .addColumn("work_email", "text")
      .addColumn("work_email_normalized", "text")
      .addColumn("personal_email", "text")
      .addColumn("personal_email_normalized", "text")
      .addColumn("work_phone", "text")
      .addColumn("work_phone_e164", "text")
      .addColumn("personal_phone", "text")
      .addColumn("personal_phone_e164", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("remote_status", "text")
      .addColumn("employment_type", "text")
      .addColumn("job_title", "text")
      .addColumn("department_remote_id", "text")
      .addColumn("location_remote_id", "text")
      .addColumn("manager_remote_id", "text")
      .addColumn("start_date", "date")
      .addColumn("termination_date", "date")
      // Roster ids, resolved set-wise after each sync so a manager on a later page still links.
      .addColumn("department_id", "uuid")
      .addColumn("location_id", "uuid")
      .addColumn("manager_id", "uuid")
      .addColumn("search_text", "text", (c) =>
        c
          .generatedAlwaysAs(
            sql`lower(coalesce(display_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(work_email, '') || ' ' || coalesce(personal_email, ''))`,
          )
          .stored(),
      )
      .addCheckConstraint("employees_status", sql`status in ('active', 'inactive', 'leave', 'pending', 'terminated')`),
    "employees",
  ).execute();
  await db.schema.createIndex("employees_org_name").on("employees").columns(["organisation_id", "display_name", "id"]).execute();
  await sql`create index employees_search on employees using gin (search_text gin_trgm_ops)`.execute(db);
  await db.schema.createIndex("employees_manager").on("employees").column("manager_id").execute();
  await db.schema.createIndex("employees_department").on("employees").columns(["organisation_id", "department_id"]).execute();
  await db.schema.createIndex("employees_location").on("employees").columns(["organisation_id", "location_id"]).execute();

  await syncedRecordTail(
    syncedRecord(db.schema.createTable("employments"))
      .addColumn("employee_remote_id", "text", (c) => c.notNull())
      .addColumn("employment_type", "text")
      .addColumn("start_date", "date")
      .addColumn("termination_date", "date")
      .addColumn("termination_type", "text")
      .addColumn("is_active", "boolean"),
    "employments",
  ).execute();
  await db.schema
    .createIndex("employments_employee")
    .on("employments")
    .columns(["connection_id", "employee_remote_id"])
    .execute();

  await syncedRecordTail(
    syncedRecord(db.schema.createTable("custom_fields"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("options", "jsonb"),
    "custom_fields",
  ).execute();

  await syncedRecordTail(
    syncedRecord(db.schema.createTable("custom_field_values"))
      .addColumn("employee_remote_id", "text", (c) => c.notNull())
      .addColumn("custom_field_remote_id", "text", (c) => c.notNull())
      .addColumn("value", "jsonb"),
    "custom_field_values",
  ).execute();
  await db.schema
    .createIndex("custom_field_values_employee")
    .on("custom_field_values")
    .columns(["connection_id", "employee_remote_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "custom_field_values",
    "custom_fields",
    "employments",
    "employees",
    "locations",
    "departments",
    "companies",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  // pg_trgm stays: other schemas of the same database may use it.
}
