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
  /**
   * The API's own public base URL (API_PUBLIC_URL), from which providers reach its webhooks
   * (the Lever webhook URL shown in Settings). Default: http://localhost:API_PORT.
   */
  apiPublicUrl?: string;
}

export interface ConnectionOptions {
  /** The installed connectors; @roster/registry's list when left out. */
  connectors?: readonly Connector[];
  /** Credential values the forms leave out, by connector id (sandbox: the simulators' URLs). */
  credentialDefaults?: ConnectionDeps["credentialDefaults"];
  /** Retries and timeout of the verify call (tests keep it short). */
  verify?: ConnectionDeps["verify"];
  /**
   * Sandbox only: the Lever simulator's URL (LEVER_SANDBOX_URL). When the owner saves the Lever
   * setup, the API points the simulator's webhook at that connection (lever/sandbox-webhook.ts).
   */
  leverSandboxUrl?: string;
  /**
   * Sandbox only: simulators of HRIS connectors with record webhooks, by connector id. Saving a
   * connection of one points its simulator's webhook at it (webhooks/sandbox-record-webhook.ts).
   */
  sandboxWebhookSimulators?: Record<string, string>;
  /** Sandbox only: what the connect form says to paste, by connector id (from `pnpm start`). */
  sandboxConnectHints?: Record<string, string>;
}

export interface Context extends ApiDeps {
  session: Session | null;
  /** A cookie came but its session has expired: the UNAUTHORIZED message says so. */
  sessionExpired: boolean;
  /** Set-Cookie values to send with this response (added in server.ts's responseMeta). */
  responseCookies: string[];
  /** The HTTP request's id (request-id.ts); absent for server-side callers. */
  requestId?: string;
}

/** Builds a request's context from its Cookie header; tests call it with a raw header too. */
export async function createContext(
  deps: ApiDeps,
  request: { cookieHeader: string | undefined; requestId?: string },
): Promise<Context> {
  const token = readCookie(request.cookieHeader, SESSION_COOKIE);
  const { session, expired } = token ? await loadSession(deps.db, token) : { session: null, expired: false };
  return { ...deps, session, sessionExpired: expired, responseCookies: [], requestId: request.requestId };
}
