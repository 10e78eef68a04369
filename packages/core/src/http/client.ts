import type { Logger } from "@roster/logger";
import { ConnectorError } from "../errors";
import { RateLimiter, sleep } from "./rate-limiter";
import { type RequestSignal, requestSignal } from "./request-signal";
import { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy, retryableStatuses } from "./retry-policy";

export interface HttpRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Relative to the base URL, or absolute on the same origin (e.g. a provider's next_url). */
  url: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  /** POSTs are retried only when the endpoint is idempotent (e.g. keyed by an external id). */
  idempotent?: boolean;
  /** `bytes` for file downloads; JSON otherwise. */
  responseType?: "json" | "bytes";
}

export interface HttpResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

export interface HttpClient {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
  getJson<T = unknown>(url: string, query?: HttpRequest["query"]): Promise<T>;
}

export interface HttpClientOptions {
  /** Provider name for messages a person reads ("Zenefits returned 500 for GET /core/people"). */
  provider: string;
  baseUrl: string;
  /** Sent with every request (authentication). Never logged. */
  headers?: Record<string, string>;
  rateLimit?: { perSecond: number; burst?: number } | undefined;
  /** A limiter shared with other clients of the same provider key; used instead of rateLimit. */
  limiter?: RateLimiter | undefined;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** Refuse bodies larger than this: a runaway response must not exhaust memory. */
  maxBodyBytes?: number;
  signal?: AbortSignal;
  log?: Logger;
}

class RetryableError extends Error {
  constructor(
    readonly final: ConnectorError,
    readonly retryAfterMs?: number,
  ) {
    super(final.message);
  }
}

function errorMessageFromBody(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const candidate = body.error ?? body.message;
    if (typeof candidate === "string") return candidate.slice(0, 300);
    if (candidate && typeof candidate === "object" && "message" in candidate) return String(candidate.message).slice(0, 300);
  } catch {
    // not JSON: the status says enough
  }
  return undefined;
}

/**
 * The HTTP client every connector gets: timeouts, retries with backoff and jitter on
 * network errors, 408/429/5xx and truncated bodies, Retry-After honoured, a per-connection
 * rate limiter, and failures turned into typed ConnectorErrors. Credentials travel only to
 * the configured origin: an absolute URL elsewhere is refused.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const limiter =
    options.limiter ?? (options.rateLimit ? new RateLimiter(options.rateLimit.perSecond, options.rateLimit.burst) : undefined);
  const base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const provider = options.provider;

  function resolve(request: HttpRequest): URL {
    const url = new URL(request.url.replace(/^\//, ""), base);
    if (/^https?:\/\//.test(request.url) && url.origin !== base.origin) {
      throw new ConnectorError(
        "provider_error",
        `${provider} pointed Roster at another host (${url.origin}); refusing to send credentials there`,
      );
    }
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url;
  }

  async function attempt<T>(request: HttpRequest, url: URL, label: string): Promise<HttpResponse<T>> {
    const deadline = requestSignal(timeoutMs, options.signal);
    try {
      return await answer<T>(request, url, label, deadline);
    } finally {
      deadline.release();
    }
  }

  /** One request sent and its answer read, within `deadline`. */
  async function answer<T>(request: HttpRequest, url: URL, label: string, deadline: RequestSignal): Promise<HttpResponse<T>> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method ?? "GET",
        headers: {
          accept: request.responseType === "bytes" ? "*/*" : "application/json",
          ...(request.json !== undefined ? { "content-type": "application/json" } : {}),
          ...options.headers,
          ...request.headers,
        },
        body: request.json !== undefined ? JSON.stringify(request.json) : undefined,
        signal: deadline.signal,
        redirect: "error",
      });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const why = deadline.timedOut()
        ? `timed out after ${timeoutMs} ms`
        : `failed (${(error as Error).cause ?? (error as Error).message})`;
      throw new RetryableError(new ConnectorError("unreachable", `${label} ${why}`, { cause: error }));
    }

    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    if (!response.ok) {
      const detail = errorMessageFromBody(await response.text().catch(() => ""));
      const message = `${provider} answered ${response.status} to ${label}${detail ? `: ${detail}` : ""}`;
      const kind =
        response.status === 401
          ? "invalid_credentials"
          : response.status === 403
            ? "forbidden"
            : response.status === 429
              ? "rate_limited"
              : "provider_error";
      const error = new ConnectorError(kind, message, { status: response.status, retryAfterMs });
      if (retryableStatuses.has(response.status)) throw new RetryableError(error, retryAfterMs);
      throw error;
    }

    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > maxBodyBytes)
      throw new ConnectorError(
        "provider_error",
        `${provider} sent ${length} bytes for ${label}, over the ${maxBodyBytes}-byte limit`,
      );
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw new RetryableError(
        new ConnectorError("unreachable", `${label}: the connection broke while reading the body`, { cause: error }),
      );
    }
    if (bytes.byteLength > maxBodyBytes)
      throw new ConnectorError("provider_error", `${provider} sent more than ${maxBodyBytes} bytes for ${label}`);
    if (request.responseType === "bytes") return { status: response.status, headers: response.headers, data: bytes as T };

    const type = response.headers.get("content-type") ?? "";
    if (!/json/i.test(type)) {
      throw new ConnectorError(
        "provider_error",
        `${provider} answered ${label} with ${type || "no content type"} instead of JSON`,
        { status: response.status },
      );
    }
    try {
      return { status: response.status, headers: response.headers, data: JSON.parse(new TextDecoder().decode(bytes)) as T };
    } catch (error) {
      // A cut-off body is usually a network hiccup: retry, then report it plainly.
      throw new RetryableError(
        new ConnectorError("provider_error", `${provider} sent a truncated or malformed JSON response to ${label}`, {
          cause: error,
        }),
      );
    }
  }

  async function request<T>(request: HttpRequest): Promise<HttpResponse<T>> {
    const url = resolve(request);
    const method = request.method ?? "GET";
    const label = `${method} ${url.pathname}`;
    const retryable = method === "GET" || method === "PUT" || method === "DELETE" || request.idempotent === true;
    for (let n = 1; ; n++) {
      await limiter?.take(options.signal);
      try {
        return await attempt<T>(request, url, label);
      } catch (error) {
        if (!(error instanceof RetryableError)) throw error;
        const last = n >= policy.maxAttempts || !retryable;
        if (last) throw error.final;
        if (error.retryAfterMs !== undefined && error.retryAfterMs > policy.maxRetryAfterMs) throw error.final;
        const delay = Math.max(error.retryAfterMs ?? 0, backoffDelay(n, policy));
        options.log?.warn(
          { provider, request: label, attempt: n, delayMs: delay, reason: error.final.message },
          "retrying request",
        );
        await sleep(delay, options.signal);
      }
    }
  }

  return {
    request,
    async getJson<T>(url: string, query?: HttpRequest["query"]) {
      return (await request<T>({ url, query })).data;
    },
  };
}
