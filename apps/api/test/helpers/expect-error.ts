import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { expect } from "vitest";

/** The tRPC error code and message of a rejected call, from a client or a caller alike. */
export async function trpcErrorOf(promise: Promise<unknown>): Promise<{ code: string; message: string; data: any }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error("expected the call to fail, but it succeeded");
  const e = error as { code?: string; data?: { code?: string }; message: string };
  return { code: e.data?.code ?? e.code ?? "UNKNOWN", message: e.message, data: e.data };
}

export async function expectTrpcError(promise: Promise<unknown>, code: TRPC_ERROR_CODE_KEY, message?: RegExp) {
  const error = await trpcErrorOf(promise);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
  return error;
}
