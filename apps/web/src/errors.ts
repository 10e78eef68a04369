import type { AppRouter } from "@roster/api";
import { TRPCClientError } from "@trpc/client";

export interface ApiProblem {
  /** tRPC code, e.g. UNAUTHORIZED, FORBIDDEN, BAD_REQUEST; NETWORK when the API was unreachable. */
  code: string;
  message: string;
  /** Per-field messages from the API's input validation. */
  fieldErrors: Record<string, string[] | undefined>;
}

/** Reads any error from a tRPC call into what the UI shows. */
export function apiProblem(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    if (!e.data) {
      return { code: "NETWORK", message: "Can't reach Roster's server. Check your connection and try again.", fieldErrors: {} };
    }
    return { code: e.data.code, message: e.message, fieldErrors: e.data.fieldErrors ?? {} };
  }
  return { code: "UNKNOWN", message: error instanceof Error ? error.message : "Something went wrong.", fieldErrors: {} };
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof TRPCClientError && (error as TRPCClientError<AppRouter>).data?.code === code;
}
