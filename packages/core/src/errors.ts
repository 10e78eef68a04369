/**
 * The typed failures a connector reports. Each has a message a person can act on;
 * `hint` says what to do about it (shown under "View errors").
 */
export const errorKinds = ["invalid_credentials", "forbidden", "unreachable", "rate_limited", "provider_error"] as const;
export type ErrorKind = (typeof errorKinds)[number];

export interface ConnectorErrorOptions {
  hint?: string;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class ConnectorError extends Error {
  override name = "ConnectorError";
  readonly hint: string | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    options: ConnectorErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.hint = options.hint ?? defaultHints[kind];
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

const defaultHints: Record<ErrorKind, string> = {
  invalid_credentials: "The token was rejected: it may have been revoked or mistyped. Paste a fresh token in Settings.",
  forbidden: "The token lacks a permission this needs: edit the token's permissions in the provider and try again.",
  unreachable: "The provider could not be reached. Roster retries automatically; check the base URL if this persists.",
  rate_limited: "The provider is limiting requests. Roster waits and retries automatically.",
  provider_error: "The provider returned an error or a malformed response. Roster retries automatically.",
};

/**
 * Error kinds as people name them (run page, emails, issues). Beyond the connector's kinds, the
 * sync's own: a record it could not read, a collection skipped, a crash, a cancel.
 */
export const errorKindLabels: Readonly<Record<string, string>> = {
  invalid_credentials: "Token rejected",
  forbidden: "Permission refused",
  unreachable: "Provider unreachable",
  rate_limited: "Rate limited",
  provider_error: "Provider error",
  mapping: "Records Roster could not read",
  skipped: "Collections skipped",
  crash: "Sync stopped unexpectedly",
  cancelled: "Sync cancelled",
} satisfies Record<ErrorKind, string> & Record<string, string>;

/** An error kind in people's words; "Sync error" for a kind the vocabulary lacks. */
export function errorKindLabel(kind: string): string {
  return errorKindLabels[kind] ?? "Sync error";
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

/** Thrown when the run was aborted (worker shutdown, user cancel); not a provider failure. */
export class SyncAbortedError extends Error {
  override name = "SyncAbortedError";
}
