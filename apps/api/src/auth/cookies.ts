export const SESSION_COOKIE = "roster_session";

/** Reads one cookie from a `Cookie` request header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface SessionCookieOptions {
  /** Secure cookies only travel over https: set when PUBLIC_URL is https. */
  secure: boolean;
}

function attributes(options: SessionCookieOptions): string[] {
  // httpOnly keeps scripts away from the token; Lax stops cross-site POSTs carrying it.
  return ["Path=/", "HttpOnly", "SameSite=Lax", ...(options.secure ? ["Secure"] : [])];
}

export function sessionCookie(token: string, expiresAt: Date, options: SessionCookieOptions): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    ...attributes(options),
    `Max-Age=${maxAge}`,
    `Expires=${expiresAt.toUTCString()}`,
  ].join("; ");
}

export function clearedSessionCookie(options: SessionCookieOptions): string {
  return [`${SESSION_COOKIE}=`, ...attributes(options), "Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT"].join("; ");
}
