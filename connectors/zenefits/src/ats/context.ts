// ROSTER ASSUMPTION (see ./README.md): bearer auth with the client secret is invented.
import { type ConnectorContext, ConnectorError, type ContextOptions, createHttpClient, type HttpTarget } from "@roster/core";
import { type ZenefitsAtsCredentials, zenefitsAtsCredentials } from "./credentials";

/** `Authorization: Bearer <client secret>`; the company id travels in the path. */
export function zenefitsAtsHttp(credentials: ZenefitsAtsCredentials): HttpTarget {
  return { baseUrl: credentials.baseUrl, headers: { Authorization: `Bearer ${credentials.clientSecret}` } };
}

export type ZenefitsAtsContextOptions = Omit<ContextOptions, "log"> & {
  /** Required: connectors depend on @roster/core alone, so the caller brings its (redacting) logger. */
  log: ConnectorContext<unknown>["log"];
};

/**
 * The context ATS calls run in: credentials parsed (a bad one fails here, naming the field),
 * and the core HTTP client (timeouts, retries with backoff, Retry-After) pointed at Zenefits.
 */
export function createZenefitsAtsContext(
  raw: unknown,
  options: ZenefitsAtsContextOptions,
): ConnectorContext<ZenefitsAtsCredentials> {
  const parsed = zenefitsAtsCredentials.safeParse(raw);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "credentials"}: ${i.message}`).join("; ");
    throw new ConnectorError("invalid_credentials", `Zenefits ATS credentials are incomplete or malformed (${fields})`, {
      hint: "Enter the Zenefits Company ID and Client Secret again.",
    });
  }
  const credentials = parsed.data;
  const log = options.log.child({ connector: "zenefits-ats" });
  const signal = options.signal ?? new AbortController().signal;
  const target = zenefitsAtsHttp(credentials);
  const http = createHttpClient({
    provider: "Zenefits",
    baseUrl: target.baseUrl,
    headers: target.headers,
    rateLimit: { perSecond: 10, burst: 20 },
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    signal,
    log,
  });
  return { credentials, http, log, signal };
}
