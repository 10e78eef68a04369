import type * as accounts from "./tables/accounts.table";
import type * as connections from "./tables/connections.table";
import type * as directory from "./tables/directory.table";
import type * as hireExport from "./tables/hire-export.table";
import type * as outbox from "./tables/outbox.table";
import type * as publicApi from "./tables/public-api.table";

/** Every table Roster owns; kysely types all queries from this. */
export interface Database {
  organisations: accounts.OrganisationsTable;
  users: accounts.UsersTable;
  memberships: accounts.MembershipsTable;
  auth_sessions: accounts.AuthSessionsTable;
  invites: accounts.InvitesTable;
  sign_in_attempts: accounts.SignInAttemptsTable;
  audit_log: accounts.AuditLogTable;
  organisation_erasures: accounts.OrganisationErasuresTable;
  connections: connections.ConnectionsTable;
  sync_runs: connections.SyncRunsTable;
  sync_errors: connections.SyncErrorsTable;
  connection_stale_fields: connections.ConnectionStaleFieldsTable;
  pending_record_syncs: connections.PendingRecordSyncsTable;
  stream_checkpoints: connections.StreamCheckpointsTable;
  sync_seen: connections.SyncSeenTable;
  change_log: connections.ChangeLogTable;
  integration_issues: connections.IntegrationIssuesTable;
  companies: directory.CompaniesTable;
  departments: directory.DepartmentsTable;
  locations: directory.LocationsTable;
  employees: directory.EmployeesTable;
  employee_search: directory.EmployeeSearchTable;
  employments: directory.EmploymentsTable;
  custom_fields: directory.CustomFieldsTable;
  custom_field_values: directory.CustomFieldValuesTable;
  candidates: directory.CandidatesTable;
  email_outbox: outbox.EmailOutboxTable;
  worker_heartbeats: outbox.WorkerHeartbeatsTable;
  webhook_deliveries: hireExport.WebhookDeliveriesTable;
  hire_transfers: hireExport.HireTransfersTable;
  hire_reconcile_state: hireExport.HireReconcileStateTable;
  api_keys: publicApi.ApiKeysTable;
  platform_api_keys: publicApi.PlatformApiKeysTable;
  connect_links: publicApi.ConnectLinksTable;
  webhook_endpoints: publicApi.WebhookEndpointsTable;
  event_outbox: publicApi.EventOutboxTable;
  event_deliveries: publicApi.EventDeliveriesTable;
  event_fanout_state: publicApi.EventFanoutStateTable;
}

export type { Role } from "./tables/accounts.table";
export type {
  ConnectionStatus,
  IntegrationProblem,
  PermissionChange,
  StaleField,
  StoredPermissions,
  StreamCounts,
  SyncRunMode,
  SyncRunStatus,
} from "./tables/connections.table";
export type { EmployeeStatus } from "./tables/directory.table";
export type { EventDeliveryStatus } from "./tables/public-api.table";
