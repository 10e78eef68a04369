import type { Db } from "@roster/db";
import { notFound } from "./exit-codes";

/** The organisation, or exit 3. */
export async function organisationById(db: Db, id: string): Promise<{ id: string; name: string }> {
  const row = await db.selectFrom("organisations").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(`No organisation ${id} in this database.`, "`roster org create` creates one and prints its id.");
  return row;
}
