import { createLogger, type Logger } from "@roster/logger";
import type { z } from "zod";
import type { ActionDefinition, Connector, ConnectorContext } from "./connector";
import { ConnectorError } from "./errors";
import { createHttpClient } from "./http/client";
import type { RateLimiter } from "./http/rate-limiter";
import type { RetryPolicy } from "./http/retry-policy";

export interface ContextOptions {
  log?: Logger;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /**
   * Overrides the manifest's rate-limit hint for this context: a deployment that knows its
   * provider's real limit sets it; null turns the limiter off (benchmarks of the engine itself).
   */
  rateLimit?: { perSecond: number; burst?: number } | null;
  /**
   * A limiter shared with other contexts (takes precedence over rateLimit): work that runs in
   * parallel against one provider key, such as several hire exports of one Lever connection,
   * shares the key's budget instead of each context spending it afresh.
   */
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
  const http = createHttpClient({
    provider: connector.manifest.name,
    baseUrl: target.baseUrl,
    headers: target.headers,
    rateLimit: options.rateLimit === undefined ? connector.manifest.rateLimit : (options.rateLimit ?? undefined),
    limiter: options.limiter,
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
