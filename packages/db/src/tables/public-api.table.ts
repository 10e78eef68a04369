import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** xid8 values travel as decimal strings. */
type Xid8 = ColumnType<string, string | undefined, string>;

export interface ApiKeysTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  prefix: string;
  /** SHA-256 (hex) of the whole key; the key itself is never stored. */
  key_hash: string;
  scopes: string[];
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
}

/** Deployment-level keys: not tied to one organisation; each request names the one it acts on. */
export interface PlatformApiKeysTable {
  id: Generated<string>;
  name: string;
  prefix: string;
  /** SHA-256 (hex) of the whole key; the key itself is never stored. */
  key_hash: string;
  scopes: string[];
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Single-use, expiring links to connect one HRIS to one organisation without a Roster account. */
export interface ConnectLinksTable {
  id: Generated<string>;
  organisation_id: string;
  /** The connectors the link offers (one, or a choice); the one picked is its connection's. */
  connector_ids: string[];
  /** SHA-256 (hex) of the link's token; the token is only in the URL handed out. */
  token_hash: string;
  /** Where the page sends the admin afterwards; null: the page itself says it is done (links sent from the dashboard). */
  return_url: string | null;
  /** Origins that may frame the connect page (CSP frame-ancestors). */
  allowed_origins: ColumnType<string[], string[] | undefined, string[]>;
  brand_name: string | null;
  brand_logo_url: string | null;
  brand_colour: string | null;
  created_by_api_key_id: string | null;
  created_by_platform_key_id: string | null;
  /** An owner who sent it from the dashboard (to `sent_to`). */
  created_by_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  sent_to: ColumnType<string | null, string | null | undefined, string | null>;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  connection_id: string | null;
  created_at: Timestamp;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  organisation_id: string;
  url: string;
  description: string | null;
  events: string[];
  secret_encrypted: string;
  enabled: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventOutboxTable {
  id: Generated<string>;
  xid: Xid8;
  organisation_id: string;
  connection_id: string | null;
  type: string;
  ordering_key: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  created_at: Timestamp;
}

export type EventDeliveryStatus = "pending" | "delivered" | "failed";

export interface EventDeliveriesTable {
  id: Generated<string>;
  endpoint_id: string;
  organisation_id: string;
  event_id: string;
  event_type: string;
  ordering_key: string;
  body: string;
  status: Generated<EventDeliveryStatus>;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  delivered_at: Date | null;
  created_at: Timestamp;
}

export interface EventFanoutStateTable {
  source: "change_log" | "event_outbox";
  after_xid: Xid8;
  after_id: string;
  updated_at: Timestamp;
}
