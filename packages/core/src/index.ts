export * from "./connector";
export { type ContextOptions, createConnectorContext } from "./context";
export * from "./errors";
export { createHttpClient, type HttpClient, type HttpClientOptions, type HttpRequest, type HttpResponse } from "./http/client";
export { RateLimiter, sleep } from "./http/rate-limiter";
export { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from "./http/retry-policy";
export * from "./model/index";
export { normalizeEmail, normalizePhone } from "./normalize";
export { isSecretSchema, secret, secretFieldNames, secretValues } from "./secret";
