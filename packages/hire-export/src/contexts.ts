import { type LeverCredentials, lever } from "@roster/connector-lever";
import { createZenefitsAtsContext, type ZenefitsAtsCredentials } from "@roster/connector-zenefits/ats";
import { type ConnectorContext, createConnectorContext } from "@roster/core";
import type { Logger } from "@roster/logger";
import type { HttpOptions } from "./deps";
import { type LeverExportCredentials, leverSide, zenefitsSide } from "./settings";

/**
 * A Lever context (Basic auth, retries) for a connection's credentials. It spends the API
 * key's rate budget, shared in the process with every other export, check and sync using the
 * same key (core's shared-limiters.ts): Lever limits the key, not the job.
 */
export function leverContext(
  credentials: LeverExportCredentials,
  log: Logger,
  http: HttpOptions = {},
  signal?: AbortSignal,
): ConnectorContext<LeverCredentials> {
  const { leverRateLimit, ...options } = http;
  return createConnectorContext(lever, leverSide(credentials), {
    log,
    ...options,
    ...(leverRateLimit ? { rateLimit: leverRateLimit } : {}),
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
