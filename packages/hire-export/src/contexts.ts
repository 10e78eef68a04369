import { type LeverCredentials, lever } from "@roster/connector-lever";
import { createZenefitsAtsContext, type ZenefitsAtsCredentials } from "@roster/connector-zenefits/ats";
import { type ConnectorContext, createConnectorContext } from "@roster/core";
import type { Logger } from "@roster/logger";
import type { HttpOptions } from "./deps";
import { type LeverExportCredentials, leverSide, zenefitsSide } from "./settings";

/** A Lever context (Basic auth, 10/s limiter, retries) for a connection's credentials. */
export function leverContext(
  credentials: LeverExportCredentials,
  log: Logger,
  http: HttpOptions = {},
  signal?: AbortSignal,
): ConnectorContext<LeverCredentials> {
  return createConnectorContext(lever, leverSide(credentials), { log, ...http, ...(signal ? { signal } : {}) });
}

/** A Zenefits ATS context for a connection's credentials. */
export function zenefitsContext(
  credentials: LeverExportCredentials,
  log: Logger,
  http: HttpOptions = {},
  signal?: AbortSignal,
): ConnectorContext<ZenefitsAtsCredentials> {
  return createZenefitsAtsContext(zenefitsSide(credentials), { log, ...http, ...(signal ? { signal } : {}) });
}
