import type { Db } from "@roster/db";
import type { Logger } from "@roster/logger";
import type { ApiScope } from "./auth/scopes";
import type { RateLimiter } from "./http/rate-limit";

/** What the public API needs from its process (apps/api builds it once). */
export interface PublicApiDeps {
  db: Db;
  log: Logger;
  /** Encrypts webhook signing secrets; without it, endpoints cannot be registered. */
  encryptionKey?: string;
  /** Requests a minute per API key. */
  rateLimitPerMinute: number;
}

export interface AuthenticatedKey {
  id: string;
  organisationId: string;
  scopes: ApiScope[];
}

export interface PublicApiEnv {
  Variables: {
    requestId: string;
    apiKey: AuthenticatedKey;
    deps: PublicApiDeps;
    limiter: RateLimiter;
  };
}
