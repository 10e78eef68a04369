/** Keyset position (display name, id), base64url so it is opaque to clients. */
export function encodeCursor(displayName: string, id: string): string {
  return Buffer.from(JSON.stringify([displayName, id])).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): { displayName: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [displayName, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof displayName === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/.test(id)) return { displayName, id };
  } catch {
    // fall through: a tampered cursor restarts from the first page
  }
  return null;
}
