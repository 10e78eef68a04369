export * from "./connector";
export { type ContextOptions, createActionContext, createConnectorContext } from "./context";
export { type CredentialField, type CredentialFieldMeta, describeCredentials } from "./credential-fields";
export * from "./errors";
export {
  type EmploymentType,
  type EmploymentTypeValue,
  employmentType,
  normalizeEmploymentType,
} from "./hire-rules/employment-type";
export {
  collectInterviewers,
  type Interviewer,
  type InterviewSlot,
  type PersonRef,
  type Scorecard,
} from "./hire-rules/interviewers";
export { type AnnualEquivalent, intervalUnit, type OfferedSalary, offeredSalary } from "./hire-rules/salary";
export { createHttpClient, type HttpClient, type HttpClientOptions, type HttpRequest, type HttpResponse } from "./http/client";
export { RateLimiter, sleep } from "./http/rate-limiter";
export { backoffDelay, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from "./http/retry-policy";
export { credentialFingerprint, type ProviderKey, type RateLimit, sharedRateLimiter } from "./http/shared-limiters";
export { type LogoDataUri, letterMark } from "./logo";
export * from "./model/index";
export { normalizeEmail, normalizePhone } from "./normalize";
export { isSecretSchema, secret, secretFieldNames, secretValues } from "./secret";
