import { ConnectorError } from "@roster/core";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes";
import type { Output } from "./output";

export interface Failure {
  exitCode: ExitCodeValue;
  kind: string;
  message: string;
  hint?: string;
  data?: Record<string, unknown>;
}

/** Any thrown value as what the person (or script) needs: a kind, a message, a hint, an exit code. */
export function toFailure(error: unknown): Failure {
  if (error instanceof CliError) {
    return {
      exitCode: error.exitCode,
      kind: error.details.kind ?? "error",
      message: error.message,
      ...(error.details.hint ? { hint: error.details.hint } : {}),
      ...(error.details.data ? { data: error.details.data } : {}),
    };
  }
  if (error instanceof ConnectorError) {
    return { exitCode: ExitCode.failed, kind: error.kind, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return {
    exitCode: ExitCode.failed,
    kind: "internal",
    message: error instanceof Error ? error.message : String(error),
    hint: "This looks like a bug in Roster; run with LOG_LEVEL=debug for details and report it.",
  };
}

/** Human: "error invalid_credentials: message" + hint on stderr. JSON: { ok: false, error } on stdout. */
export function printFailure(out: Output, failure: Failure): void {
  if (out.json) {
    const { exitCode, data, ...error } = failure;
    out.data({ ok: false, exitCode, error, ...data });
    return;
  }
  out.note(`${out.c.red(out.c.bold("error"))} ${out.c.bold(failure.kind)}: ${failure.message}`);
  if (failure.hint) out.note(`${out.c.dim("hint")}  ${failure.hint}`);
}
