import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type Role = "owner" | "admin" | "member";

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  created_at: CreatedAt;
  /** The provisioning platform's own id for this customer; unique when set. */
  external_ref: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when deactivated: no syncs run, the data stays. */
  deactivated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  organisation_id: string;
  user_id: string;
  role: Role;
  sensitive: Generated<boolean>;
  created_at: CreatedAt;
}

export interface AuthSessionsTable {
  id_hash: string;
  user_id: string;
  organisation_id: string | null;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface InvitesTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  created_at: CreatedAt;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  email: string;
  succeeded: boolean;
  attempted_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  organisation_id: string;
  actor_user_id: string | null;
  /** Set when a platform API key made the call. */
  actor_platform_key_id: ColumnType<string | null, string | null | undefined, string | null>;
  action: string;
  target_type: string;
  target_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: CreatedAt;
}

/** A requested deletion: erased after erase_after unless cancelled; kept after the organisation is gone. */
export interface OrganisationErasuresTable {
  id: Generated<string>;
  organisation_id: string;
  organisation_name: string;
  external_ref: string | null;
  requested_by_platform_key_id: string | null;
  requested_at: CreatedAt;
  erase_after: Date;
  cancelled_at: Date | null;
  erased_at: Date | null;
}
