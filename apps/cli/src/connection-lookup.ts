import type { Database, Db, Selectable } from "@roster/db";
import { notFound } from "./exit-codes";

export type ConnectionRow = Selectable<Database["connections"]>;

/** The connection row, or exit 3. */
export async function connectionById(db: Db, id: string): Promise<ConnectionRow> {
  const row = await db.selectFrom("connections").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound(`No connection ${id} in this database.`, "List connections with `roster connections`.");
  return row;
}
