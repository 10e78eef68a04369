import type { IncomingMessage } from "node:http";

/**
 * Classic endpoints answer XML unless the client asks for JSON (reference §1.3:
 * "XML is the default. To request JSON data, set the HTTP header 'Accept' to
 * 'application/json'"). Any media range in the Accept list that is exactly
 * application/json counts; `*` wildcards do not.
 */
export function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (accept === undefined) return false;
  return accept.split(",").some((range) => range.split(";")[0]?.trim().toLowerCase() === "application/json");
}

/** `onlyCurrent` defaults to true; "false" or "0" turn it off. */
export function onlyCurrent(url: URL): boolean {
  const raw = url.searchParams.get("onlyCurrent");
  return raw === null || !["false", "0", "no"].includes(raw.trim().toLowerCase());
}
