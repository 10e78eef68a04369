import type { CredentialField } from "../../forms/credential-inputs";

export interface LinkConnector {
  id: string;
  name: string;
  /** An SVG data URI from the connector's manifest, or null. */
  logo: string | null;
  connect_help: string | null;
  credential_fields: CredentialField[];
  permissions: { id: string; label: string }[];
}

/**
 * What the link page shows: the connector's form and checklist (or first a choice of connectors),
 * the brand the link was made with, and for a link an owner sent from the dashboard, who asked.
 */
export interface LinkDescription {
  connectors: LinkConnector[];
  brand: { name: string | null; logo_url: string | null; colour: string | null };
  requested_by: { name: string; organisation_name: string } | null;
  allowed_origins: string[];
  expires_at: string;
}

/** redirect_url is null for links without a return URL (sent from the dashboard): the page says it is done. */
export interface LinkCompleted {
  connection_id: string;
  connector_id: string;
  redirect_url: string | null;
}

export interface VerifyResult {
  account: { name: string };
  permissions: { id: string; label: string; state: "granted" | "missing"; feeds: string[] }[];
}

/** A refusal from the link endpoints (RFC 9457 problem details), with the provider's field errors. */
export class LinkProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The link token is the only credential: sent as a bearer token, never a cookie. */
async function call<T>(token: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api/connect-link${path}`, {
    method: body === undefined ? "GET" : "POST",
    credentials: "omit",
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json().catch(() => ({}))) as { detail?: string; fields?: Record<string, string> };
  if (!response.ok) throw new LinkProblem(response.status, json.detail ?? "Something went wrong.", json.fields ?? {});
  return json as T;
}

export const describeLink = (token: string) => call<LinkDescription>(token, "");
export const verifyLink = (token: string, connectorId: string, credentials: Record<string, string>) =>
  call<VerifyResult>(token, "/verify", { connector_id: connectorId, credentials });
export const completeLink = (
  token: string,
  connectorId: string,
  credentials: Record<string, string>,
  notificationEmail: string | null,
) =>
  call<LinkCompleted>(token, "/complete", {
    connector_id: connectorId,
    credentials,
    notification_email: notificationEmail,
  });
