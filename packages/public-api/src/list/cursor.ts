import { createHash } from "node:crypto";
import { ProblemError } from "../http/problem";

/**
 * A page's position: the last id returned, and a fingerprint of the query's filters, so that a
 * cursor replayed with other filters is refused rather than silently mixing two walks.
 * base64url JSON: opaque to clients, and a version to change its shape later.
 */
interface CursorContent {
  v: 1;
  after: string;
  query: string;
}

export const queryFingerprint = (filters: Record<string, unknown>) =>
  createHash("sha1")
    .update(JSON.stringify(Object.entries(filters).sort()))
    .digest("base64url")
    .slice(0, 12);

export function encodeCursor(after: string, fingerprint: string): string {
  const content: CursorContent = { v: 1, after, query: fingerprint };
  return Buffer.from(JSON.stringify(content)).toString("base64url");
}

/** The id to continue after; 400 for a cursor that is not ours or belongs to another query. */
export function decodeCursor(cursor: string | undefined, fingerprint: string): string | null {
  if (cursor === undefined || cursor === "") return null;
  let content: Partial<CursorContent>;
  try {
    content = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorContent>;
  } catch {
    throw new ProblemError(400, "invalid_cursor", "This cursor was not made by this API: start again without one.");
  }
  if (content.v !== 1 || typeof content.after !== "string" || !/^[0-9a-f-]{36}$/.test(content.after)) {
    throw new ProblemError(400, "invalid_cursor", "This cursor was not made by this API: start again without one.");
  }
  if (content.query !== fingerprint) {
    throw new ProblemError(
      400,
      "invalid_cursor",
      "This cursor belongs to a query with other filters: send the same filters, or start again.",
    );
  }
  return content.after;
}
