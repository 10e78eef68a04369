import { type Connector, type CredentialField, describeCredentials } from "@roster/core";
import { type PermissionEffect, permissionEffects } from "./permission-effects";

/** An installed connector as the dashboard and the CLI present it: everything comes from its manifest and contract. */
export interface ConnectorDescription {
  id: string;
  name: string;
  kind: "hris" | "ats";
  docsUrl: string;
  /** The manifest's logo (an SVG data URI), or null. */
  logo: string | null;
  connectHelp: string | null;
  credentialFields: CredentialField[];
  /** Each permission with what it feeds (what is not kept current without it). */
  permissions: PermissionEffect[];
  /** It receives provider webhooks (at /webhooks/<id>/<connectionId>). */
  webhooks: boolean;
  /** ATS: it supplies hired candidates. */
  hireSource: boolean;
  /** HRIS: it imports hires; its own credentials for that, if it needs other ones than the connection's. */
  hireTarget: { acceptsOffers: boolean; credentialFields: CredentialField[] | null } | null;
}

export function describeConnector(connector: Connector): ConnectorDescription {
  const { manifest } = connector;
  const importHire = connector.actions?.importHire;
  return {
    id: manifest.id,
    name: manifest.name,
    kind: manifest.kind,
    docsUrl: manifest.docsUrl,
    logo: manifest.logo ?? null,
    connectHelp: manifest.connectHelp ?? null,
    credentialFields: describeCredentials(manifest.credentials),
    permissions: permissionEffects(
      connector,
      manifest.permissions.map((p) => p.id),
    ),
    webhooks: connector.webhook !== undefined,
    hireSource: connector.hires !== undefined,
    hireTarget: importHire
      ? {
          acceptsOffers: importHire.acceptsOffers,
          credentialFields: importHire.credentials ? describeCredentials(importHire.credentials) : null,
        }
      : null,
  };
}
