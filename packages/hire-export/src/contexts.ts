import { type LeverCredentials, lever } from "@roster/connector-lever";
import { createZenefitsAtsContext, type ZenefitsAtsCredentials } from "@roster/connector-zenefits/ats";
import { type ConnectorContext, createConnectorContext } from "@roster/core";
import type { Logger } from "@roster/logger";
import type { HttpOptions } from "./deps";
import { leverLimiterFor } from "./lever-limiter";
import { type LeverExportCredentials, leverSide, zenefitsSide } from "./settings";

/**
 * A Lever context (Basic auth, retries) for a connection's credentials. With `connectionId`,
 * it spends the connection's shared rate budget (exports of one connection run in parallel);
 * without, a budget of its own (a one-off check such as Verify).
 */
export function leverContext(
  credentials: LeverExportCredentials,
  log: Logger,
  http: HttpOptions = {},
  signal?: AbortSignal,
  connectionId?: string,
): ConnectorContext<LeverCredentials> {
  const { leverRateLimit, ...options } = http;
  return createConnectorContext(lever, leverSide(credentials), {
    log,
    ...options,
    ...(leverRateLimit ? { rateLimit: leverRateLimit } : {}),
    ...(connectionId ? { limiter: leverLimiterFor(connectionId, leverRateLimit) } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** A Zenefits ATS context for a connection's credentials. */
export function zenefitsContext(
  credentials: LeverExportCredentials,
  log: Logger,
  http: HttpOptions = {},
  signal?: AbortSignal,
): ConnectorContext<ZenefitsAtsCredentials> {
  const { leverRateLimit: _lever, ...options } = http;
  return createZenefitsAtsContext(zenefitsSide(credentials), { log, ...options, ...(signal ? { signal } : {}) });
}
