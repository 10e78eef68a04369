/**
 * A fetch that keeps cookies like a browser would (one jar per simulated user), so
 * tests exercise the real Set-Cookie / Cookie round trip of the session.
 */
export interface CookieJarFetch {
  fetch: typeof fetch;
  /** The cookies the server has set and not cleared, by name. */
  cookies: Map<string, string>;
  /** Raw Set-Cookie header values, newest last. */
  setCookieHeaders: string[];
}

export function cookieJarFetch(): CookieJarFetch {
  const cookies = new Map<string, string>();
  const setCookieHeaders: string[] = [];
  const jarFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookies.size) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(input, { ...init, headers });
    for (const header of response.headers.getSetCookie()) {
      setCookieHeaders.push(header);
      const [pair = "", ...attributes] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  return { fetch: jarFetch, cookies, setCookieHeaders };
}
