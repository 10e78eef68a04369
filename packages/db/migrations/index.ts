import type { Migration } from "kysely/migration";
import * as m0001 from "./2026_11_23_0001_accounts";
import * as m0002 from "./2026_11_23_0002_connections";
import * as m0003 from "./2026_11_23_0003_directory";
import * as m0004 from "./2026_11_23_0004_outbox_and_worker";
import * as m0005 from "./2026_11_23_0005_candidates";
import * as m0006 from "./2026_11_23_0006_heartbeat_job_workers";
import * as m0007 from "./2026_11_23_0007_sync_seen_lookup";
import * as m3001 from "./2026_11_23_3001_hire_export";
import * as m1205 from "./2026_12_05_0001_directory_list_index";
import * as m1205b from "./2026_12_05_0002_search_text_unicode_case";
import * as m1206 from "./2026_12_06_0001_unknown_fields";
import * as m1206b from "./2026_12_06_0002_changes_reads";
import * as m1206PublicApi from "./2026_12_06_1701_public_api";
import * as m1206Webhooks from "./2026_12_06_1702_change_webhooks";
import * as m1207PlatformKeys from "./2026_12_07_0001_platform_api_keys";
import * as m1207Provisioning from "./2026_12_07_0002_organisation_provisioning";
import * as m1207ConnectLinks from "./2026_12_07_0003_connect_links";
import * as m1207Erasures from "./2026_12_07_0004_organisation_erasures";
import * as m1207Issues from "./2026_12_07_1901_integration_issues";
import * as m1207RequestId from "./2026_12_07_2101_sync_run_request_id";
import * as m1208ConnectLinkRequests from "./2026_12_08_0001_connect_link_choices_and_requests";
import * as m1208EndpointIssues from "./2026_12_08_0001_webhook_endpoint_issues";
import * as m1208HrisRecord from "./2026_12_08_0002_hire_transfer_hris_record";
import * as m1208OutcomeApplied from "./2026_12_08_0003_sync_run_outcome_applied";
import * as m1208EmployeeSearch from "./2026_12_08_0004_employee_search";

/**
 * The ordered list of migrations. Explicit (not a folder scan) so it works the same
 * under tsx, vitest and a bundler; add a new dated file and one line here.
 */
export const migrations: Record<string, Migration> = {
  "2026_11_23_0001_accounts": m0001,
  "2026_11_23_0002_connections": m0002,
  "2026_11_23_0003_directory": m0003,
  "2026_11_23_0004_outbox_and_worker": m0004,
  "2026_11_23_0005_candidates": m0005,
  "2026_11_23_0006_heartbeat_job_workers": m0006,
  "2026_11_23_0007_sync_seen_lookup": m0007,
  "2026_11_23_3001_hire_export": m3001,
  "2026_12_05_0001_directory_list_index": m1205,
  "2026_12_05_0002_search_text_unicode_case": m1205b,
  "2026_12_06_0001_unknown_fields": m1206,
  "2026_12_06_0002_changes_reads": m1206b,
  "2026_12_06_1701_public_api": m1206PublicApi,
  "2026_12_06_1702_change_webhooks": m1206Webhooks,
  "2026_12_07_0001_platform_api_keys": m1207PlatformKeys,
  "2026_12_07_0002_organisation_provisioning": m1207Provisioning,
  "2026_12_07_0003_connect_links": m1207ConnectLinks,
  "2026_12_07_0004_organisation_erasures": m1207Erasures,
  "2026_12_07_1901_integration_issues": m1207Issues,
  "2026_12_07_2101_sync_run_request_id": m1207RequestId,
  "2026_12_08_0001_connect_link_choices_and_requests": m1208ConnectLinkRequests,
  "2026_12_08_0001_webhook_endpoint_issues": m1208EndpointIssues,
  "2026_12_08_0002_hire_transfer_hris_record": m1208HrisRecord,
  "2026_12_08_0003_sync_run_outcome_applied": m1208OutcomeApplied,
  "2026_12_08_0004_employee_search": m1208EmployeeSearch,
};
