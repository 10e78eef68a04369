/**
 * Keyset position (display name, id), base64url so it is opaque to clients. `walk` marks a
 * search whose matches were too many to gather: its later pages go straight to walking the
 * name order instead of gathering again only to find the same overflow.
 */
export interface Cursor {
  displayName: string;
  id: string;
  walk: boolean;
}

export function encodeCursor(displayName: string, id: string, walk = false): string {
  return Buffer.from(JSON.stringify(walk ? [displayName, id, 1] : [displayName, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [displayName, id, walk] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof displayName === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/.test(id))
      return { displayName, id, walk: walk === 1 };
  } catch {
    // fall through: a tampered cursor restarts from the first page
  }
  return null;
}
