import { ConnectionError } from "@roster/connections";
import { CliError, ExitCode } from "./exit-codes";

/**
 * A refusal of @roster/connections as the CLI reports it: not found → 3; bad fields → 2,
 * each named with its flag (`flagOf`); fewer permissions without confirmation → 2, with what
 * would stop updating; a rejected verify (with the provider's hint) or a conflict → 1.
 * Anything else passes through.
 */
export function fromConnectionError(error: unknown, flagOf: Record<string, string> = {}): unknown {
  if (!(error instanceof ConnectionError)) return error;
  const { details } = error;
  switch (error.code) {
    case "not_found":
      return new CliError(ExitCode.notFound, error.message, { kind: "not_found", hint: details.hint });
    case "invalid": {
      const fields = details.fields ?? {};
      const lines = Object.entries(fields).map(
        ([field, message]) => `  ${field}${flagOf[field] ? ` (${flagOf[field]})` : ""}: ${message}`,
      );
      return new CliError(ExitCode.usage, `${error.message}:\n${lines.join("\n")}`, { kind: "invalid", data: { fields } });
    }
    case "confirm_required":
      return new CliError(ExitCode.usage, error.message, {
        kind: "confirm_required",
        hint: "Grant those permissions to the new token, or run again with --yes to use it anyway.",
        data: { lost: details.lost ?? [] },
      });
    case "verify_failed":
      return new CliError(ExitCode.failed, error.message, { kind: details.kind ?? "verify_failed", hint: details.hint });
    case "conflict":
      return new CliError(ExitCode.failed, error.message, { kind: "conflict", hint: details.hint });
  }
}
