/**
 * RFC 9457 problem details: every error of the API is `application/problem+json` with a type
 * URI naming the problem, a title, the status, a detail a person can act on, and the request id.
 */
export type ProblemType =
  | "invalid_request"
  | "invalid_cursor"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "rate_limited"
  | "unavailable"
  | "internal";

const titles: Record<ProblemType, string> = {
  invalid_request: "The request is not valid",
  invalid_cursor: "The cursor does not belong to this query",
  unauthorized: "A valid API key is needed",
  forbidden: "The API key lacks a scope this needs",
  not_found: "Nothing here",
  conflict: "This conflicts with the current state",
  gone: "This can no longer be used",
  rate_limited: "Too many requests",
  unavailable: "Not available on this server",
  internal: "Something went wrong on the server",
};

export const problemTypeUri = (type: ProblemType) => `https://roster.dev/problems/${type.replace(/_/g, "-")}`;

export class ProblemError extends Error {
  override name = "ProblemError";
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function problemBody(
  status: number,
  type: ProblemType,
  detail: string,
  requestId: string,
  extra: Record<string, unknown> = {},
) {
  return { type: problemTypeUri(type), title: titles[type], status, detail, request_id: requestId, ...extra };
}
