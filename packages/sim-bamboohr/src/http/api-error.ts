import { empty, type SimResponse } from "./respond";

/**
 * An error answer. Classic endpoints send no body and put the reason in
 * `X-BambooHR-Error-Message` (reference §1.4); webhook endpoints send a JSON
 * body as well, given here as `response`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly response?: SimResponse,
  ) {
    super(message);
  }
}

export const ERROR_HEADER = "x-bamboohr-error-message";

/** Header values must be Latin-1 without line breaks; employee names in messages may not be. */
function headerSafe(message: string): string {
  return message.replace(/[\r\n]+/g, " ").replace(/[^\x20-\x7e]/g, "?");
}

export function errorResponse(error: ApiError): SimResponse {
  const base = error.response ?? empty(error.status);
  return { ...base, status: error.status, headers: { ...base.headers, [ERROR_HEADER]: headerSafe(error.message) } };
}

export const badRequest = (message: string) => new ApiError(400, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);
