/**
 * The double envelope every /core response uses:
 * `{data, error, object: "/meta/response", status}` where list data is
 * `{data: [...], next_url, object: "/meta/list", url}`.
 */
export interface ResponseEnvelope<T> {
  data: T;
  error: string | null;
  object: "/meta/response";
  status: number;
}

export interface ListData<T> {
  data: T[];
  next_url: string | null;
  object: "/meta/list";
  url: string;
}

export function detailEnvelope<T>(data: T): ResponseEnvelope<T> {
  return { data, error: null, object: "/meta/response", status: 200 };
}

export function listEnvelope<T>(records: T[], nextUrl: string | null, url: string): ResponseEnvelope<ListData<T>> {
  return {
    data: { data: records, next_url: nextUrl, object: "/meta/list", url },
    error: null,
    object: "/meta/response",
    status: 200,
  };
}

export function errorEnvelope(status: number, message: string): ResponseEnvelope<null> {
  return { data: null, error: message, object: "/meta/response", status };
}

/** Django REST framework wording, since the real API is a DRF service. */
export const ERROR_MESSAGES = {
  noCredentials: "Authentication credentials were not provided.",
  invalidToken: "Invalid token.",
  revokedToken: "Invalid token: this token has been revoked.",
  notFound: "Not found.",
  methodNotAllowed: (method: string) => `Method "${method}" not allowed.`,
  missingScope: (scopes: readonly string[]) =>
    `You do not have permission to perform this action. Missing scope(s): ${scopes.join(", ")}.`,
  throttled: (seconds: number) => `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? "" : "s"}.`,
  serverError: "A server error occurred.",
} as const;
