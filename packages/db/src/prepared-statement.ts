import { createHash } from "node:crypto";
import { sql } from "kysely";

/**
 * A statement whose text ends with this comment is sent as a named (prepared) statement:
 * PostgreSQL parses and plans it once per connection, then after five runs reuses a generic
 * plan. For hot, fixed-shape reads by key (the person page plans for longer than it runs),
 * never for searches, whose best plan depends on the term.
 */
const PREPARED_MARK = "/* roster:prepared */";

/** Ends such a statement: sql`… ${preparedStatement}`, or `.modifyEnd(preparedStatement)` on a builder. */
export const preparedStatement = sql.raw(PREPARED_MARK);

/**
 * The pg query config for a marked statement, named by its text's hash (the same text always
 * gets the same name, and two texts never share one); null for any other statement.
 */
export function namedStatement(text: unknown, values: unknown): { name: string; text: string; values?: unknown[] } | null {
  if (typeof text !== "string" || !text.endsWith(PREPARED_MARK)) return null;
  if (values !== undefined && !Array.isArray(values)) return null;
  return { name: `roster_${createHash("sha1").update(text).digest("base64url")}`, text, values };
}
