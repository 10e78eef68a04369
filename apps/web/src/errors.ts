import type { AppRouter } from "@roster/api";
import { TRPCClientError } from "@trpc/client";

export interface ApiProblem {
  /** tRPC code, e.g. UNAUTHORIZED, FORBIDDEN, BAD_REQUEST; NETWORK when the API was unreachable. */
  code: string;
  message: string;
  /** Per-field messages from the API's input validation. */
  fieldErrors: Record<string, string[] | undefined>;
  /** Why a provider refused (e.g. invalid_credentials), when the API knows. */
  kind: string | null;
  /** What to do about it, in a sentence. */
  hint: string | null;
  /** A change that needs confirming: the permissions new credentials lack, and what each feeds. */
  lost: { id: string; label: string; feeds: string[] }[] | null;
}

/** Reads any error from a tRPC call into what the UI shows. */
export function apiProblem(error: unknown): ApiProblem {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    if (!e.data) {
      return {
        code: "NETWORK",
        message: "Can't reach Roster's server. Check your connection and try again.",
        fieldErrors: {},
        kind: null,
        hint: null,
        lost: null,
      };
    }
    return {
      code: e.data.code,
      message: e.message,
      fieldErrors: e.data.fieldErrors ?? {},
      kind: e.data.kind ?? null,
      hint: e.data.hint ?? null,
      lost: e.data.lost ?? null,
    };
  }
  return {
    code: "UNKNOWN",
    message: error instanceof Error ? error.message : "Something went wrong.",
    fieldErrors: {},
    kind: null,
    hint: null,
    lost: null,
  };
}

export function isCode(error: unknown, code: string): boolean {
  return error instanceof TRPCClientError && (error as TRPCClientError<AppRouter>).data?.code === code;
}
