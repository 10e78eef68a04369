/**
 * Keyset position (display name, id), base64url so it is opaque to clients. `walk` marks a
 * search whose matches were too many to gather: its later pages go straight to walking the
 * name order instead of gathering again only to find the same overflow.
 */
export interface Cursor {
  displayName: string;
  id: string;
  walk: boolean;
  /** The last row's value of the sort column, when the list is sorted by another column than the name. */
  key?: string;
}

export function encodeCursor(displayName: string, id: string, walk = false, key?: string): string {
  const parts: unknown[] =
    key !== undefined ? [displayName, id, walk ? 1 : 0, key] : walk ? [displayName, id, 1] : [displayName, id];
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [displayName, id, walk, key] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof displayName === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/.test(id))
      return { displayName, id, walk: walk === 1, ...(typeof key === "string" ? { key } : {}) };
  } catch {
    // fall through: a tampered cursor restarts from the first page
  }
  return null;
}
