import type { Config } from "@roster/config";
import type { ConnectionDeps } from "@roster/connections";
import type { Connector } from "@roster/core";
import type { Db } from "@roster/db";
import type { Logger } from "@roster/logger";
import { readCookie, SESSION_COOKIE } from "./auth/cookies";
import { loadSession, type Session } from "./auth/sessions";

/** What the API needs from its process: created once in main.ts (or by a test). */
export interface ApiDeps {
  db: Db;
  config: Config;
  log: Logger;
  /** How connections are verified and stored; every field has a default (connections/connection-deps.ts). */
  connections?: ConnectionOptions;
}

export interface ConnectionOptions {
  /** The installed connectors; @roster/registry's list when left out. */
  connectors?: readonly Connector[];
  /** Credential values the forms leave out, by connector id (sandbox: the simulators' URLs). */
  credentialDefaults?: ConnectionDeps["credentialDefaults"];
  /** Retries and timeout of the verify call (tests keep it short). */
  verify?: ConnectionDeps["verify"];
}

export interface Context extends ApiDeps {
  session: Session | null;
  /** A cookie came but its session has expired: the UNAUTHORIZED message says so. */
  sessionExpired: boolean;
  /** Set-Cookie values to send with this response (added in server.ts's responseMeta). */
  responseCookies: string[];
}

/** Builds a request's context from its Cookie header; tests call it with a raw header too. */
export async function createContext(deps: ApiDeps, request: { cookieHeader: string | undefined }): Promise<Context> {
  const token = readCookie(request.cookieHeader, SESSION_COOKIE);
  const { session, expired } = token ? await loadSession(deps.db, token) : { session: null, expired: false };
  return { ...deps, session, sessionExpired: expired, responseCookies: [] };
}
