import { type Kysely, sql } from "kysely";

// A hire's record in the HRIS was stored as zenefits_candidate_id, named after the first HRIS.
// Expand step of a rename: hris_record_id (with the connector that holds it) is added and
// backfilled, and a trigger keeps both columns equal while processes of the previous release
// still write the old one. The contract step drops the trigger and zenefits_candidate_id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("hire_transfers")
    .addColumn("hris_record_id", "text")
    .addColumn("hris_connector_id", "text")
    .execute();
  await sql`update hire_transfers set hris_record_id = zenefits_candidate_id where zenefits_candidate_id is not null`.execute(db);
  await sql`create function hire_transfers_mirror_hris_record() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        new.hris_record_id := coalesce(new.hris_record_id, new.zenefits_candidate_id);
        new.zenefits_candidate_id := new.hris_record_id;
      elsif new.hris_record_id is distinct from old.hris_record_id then
        new.zenefits_candidate_id := new.hris_record_id;
      elsif new.zenefits_candidate_id is distinct from old.zenefits_candidate_id then
        new.hris_record_id := new.zenefits_candidate_id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger hire_transfers_mirror_hris_record before insert or update on hire_transfers
    for each row execute function hire_transfers_mirror_hris_record()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger hire_transfers_mirror_hris_record on hire_transfers`.execute(db);
  await sql`drop function hire_transfers_mirror_hris_record()`.execute(db);
  await db.schema.alterTable("hire_transfers").dropColumn("hris_record_id").dropColumn("hris_connector_id").execute();
}
