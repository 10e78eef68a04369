/**
 * The documented exit codes of `roster`. Scripts branch on these, so they never change
 * meaning; `roster --help` lists them.
 */
export const ExitCode = {
  ok: 0,
  /** The operation ran and failed: a sync failed, a token was rejected, a folder exists. */
  failed: 1,
  /** Bad arguments or configuration: nothing was attempted. */
  usage: 2,
  /** A connector, connection or simulator of that name does not exist. */
  notFound: 3,
  /** Ctrl-C (128 + SIGINT), as shells report it. */
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export const exitCodeHelp = `Exit codes:
  0    ok
  1    the operation failed (sync failed, verify rejected, folder exists)
  2    usage or configuration error (nothing was attempted)
  3    not found (connector, connection, simulator)
  130  interrupted with Ctrl-C (a sync stays resumable)`;

/**
 * An expected failure with the exit code it maps to. Commands throw it; main prints it
 * (as JSON with --json) and exits. `kind` is a ConnectorError kind or a CLI word.
 */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
    readonly details: { kind?: string; hint?: string; data?: Record<string, unknown> } = {},
  ) {
    super(message);
  }
}

export const usageError = (message: string, hint?: string) => new CliError(ExitCode.usage, message, { kind: "usage", hint });
export const notFound = (message: string, hint?: string) => new CliError(ExitCode.notFound, message, { kind: "not_found", hint });
