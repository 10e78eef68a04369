import type { ConnectionDeps } from "@roster/connections";
import type { Db } from "@roster/db";
import type { Logger } from "@roster/logger";
import type { ApiScope } from "./auth/scopes";
import type { RateLimiter } from "./http/rate-limit";
import type { PageReadAhead } from "./list/read-ahead";
import type { ListPage } from "./list/read-page";

/** What the public API needs from its process (apps/api builds it once). */
export interface PublicApiDeps {
  db: Db;
  log: Logger;
  /** Encrypts webhook signing secrets; without it, endpoints cannot be registered. */
  encryptionKey?: string;
  /** Requests a minute per API key. */
  rateLimitPerMinute: number;
  /** The web app's address, for links the API hands out (owner invites, connect links). */
  publicUrl?: string;
  /** Verifies and stores credentials for connect links; without it, the link page cannot connect. */
  connections?: ConnectionDeps;
}

export interface AuthenticatedKey {
  id: string;
  /** The organisation the request acts on: the key's own, or the one a platform key named. */
  organisationId: string;
  scopes: ApiScope[];
  /** Set when a platform key made the request (then `id` is the platform key's id too). */
  platformKeyId: string | null;
}

/** Who is calling, before any organisation is chosen. */
export interface ApiCaller {
  kind: "organisation" | "platform";
  keyId: string;
  /** A platform key's name, written into the audit log of the organisations it acts on. */
  name: string | null;
  scopes: ApiScope[];
}

export interface PublicApiEnv {
  Variables: {
    requestId: string;
    /** Set on every route acting on one organisation; absent only on platform-wide routes. */
    apiKey: AuthenticatedKey;
    caller: ApiCaller;
    deps: PublicApiDeps;
    limiter: RateLimiter;
    readAhead: PageReadAhead<ListPage>;
  };
}
