import { createLogger, type Logger } from "@roster/logger";
import type { z } from "zod";
import type { ActionDefinition, Connector, ConnectorContext } from "./connector";
import { ConnectorError } from "./errors";
import { createHttpClient } from "./http/client";
import type { RateLimiter } from "./http/rate-limiter";
import type { RetryPolicy } from "./http/retry-policy";
import { sharedRateLimiter } from "./http/shared-limiters";

export interface ContextOptions {
  log?: Logger;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /**
   * Overrides the manifest's rate-limit hint for this context: a deployment that knows its
   * provider's real limit sets it; null turns the limiter off (benchmarks of the engine itself).
   * Either way the budget is the provider key's, shared by every context of the process that
   * spends the same key (shared-limiters.ts).
   */
  rateLimit?: { perSecond: number; burst?: number } | null;
  /** A limiter of the caller's own, used instead of the key's shared one. */
  limiter?: RateLimiter;
}

/**
 * Parses credentials with the connector's schema and builds the context its code runs
 * in. Bad credentials fail here with a message naming the field, never reaching the provider.
 */
export function createConnectorContext<C extends z.ZodType>(
  connector: Connector<C>,
  rawCredentials: unknown,
  options: ContextOptions = {},
): ConnectorContext<z.infer<C>> {
  const parsed = connector.manifest.credentials.safeParse(rawCredentials);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "credentials"}: ${i.message}`).join("; ");
    throw new ConnectorError(
      "invalid_credentials",
      `${connector.manifest.name} credentials are incomplete or malformed (${fields})`,
      {
        hint: "Check the values entered in Settings.",
      },
    );
  }
  const credentials = parsed.data as z.infer<C>;
  const log = (options.log ?? createLogger(`connector:${connector.manifest.id}`)).child({ connector: connector.manifest.id });
  const signal = options.signal ?? new AbortController().signal;
  const target = connector.http(credentials);
  const rate = options.rateLimit === undefined ? connector.manifest.rateLimit : options.rateLimit;
  const limiter =
    options.limiter ??
    (rate
      ? sharedRateLimiter({ connectorId: connector.manifest.id, baseUrl: target.baseUrl, headers: target.headers }, rate)
      : undefined);
  const http = createHttpClient({
    provider: connector.manifest.name,
    baseUrl: target.baseUrl,
    headers: target.headers,
    limiter,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    signal,
    log,
  });
  return { credentials, http, log, signal };
}

/**
 * The context an action runs in. An action that declares its own credentials and target (an
 * import channel apart from the connection's API) gets those, parsed the same way; any other
 * action runs with the connector's own credentials and target.
 */
export function createActionContext<C extends z.ZodType>(
  connector: Connector<C>,
  action: Pick<ActionDefinition<unknown, z.ZodType, z.ZodType>, "credentials" | "http">,
  rawCredentials: unknown,
  options: ContextOptions = {},
): ConnectorContext<any> {
  const { credentials: schema, http: target } = action;
  if (!schema || !target) return createConnectorContext(connector, rawCredentials, options);
  return createConnectorContext(
    { ...connector, manifest: { ...connector.manifest, credentials: schema }, http: target },
    rawCredentials,
    options,
  );
}
