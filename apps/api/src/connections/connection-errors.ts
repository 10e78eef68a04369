import { ConnectionError } from "@roster/connections";
import { type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { middleware } from "../trpc";

const trpcCodes = {
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  verify_failed: "BAD_REQUEST",
  confirm_required: "PRECONDITION_FAILED",
} as const satisfies Record<ConnectionError["code"], TRPC_ERROR_CODE_KEY>;

/**
 * A ConnectionError (not found, conflict, bad fields, or a failed verify) as the tRPC error the
 * forms read: its message as is, and the error itself as `cause`, from which the error
 * formatter (../trpc.ts) copies the kind, the hint and the field errors into `data`.
 */
export function toTrpcError(error: ConnectionError): TRPCError {
  return new TRPCError({ code: trpcCodes[error.code], message: error.message, cause: error });
}

/** Turns any ConnectionError a procedure throws into its tRPC error; everything else passes through. */
export const mapConnectionErrors = middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof ConnectionError) throw toTrpcError(result.error.cause);
  return result;
});
