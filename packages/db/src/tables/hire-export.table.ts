import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type HireTransferStatus = "pending" | "succeeded" | "failed";
export type HireTransferTrigger = "webhook" | "reconcile" | "manual";

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  connection_id: string;
  provider: string;
  /** The provider's unique id for the delivery (Lever: the envelope's random `token`). */
  delivery_id: string;
  event: string;
  remote_id: string | null;
  triggered_at: Date;
  job_queued: Generated<boolean>;
  received_at: Timestamp;
}

/** One attempt chain of sending a hire to the HRIS; visible to owners, admins and sensitive members only. */
export interface HireTransfersTable {
  id: Generated<string>;
  organisation_id: string;
  connection_id: string;
  /** The ATS candidacy (Lever opportunity id). */
  opportunity_id: string;
  candidate_name: string | null;
  stage: "hired" | "offer" | null;
  trigger: HireTransferTrigger;
  status: Generated<HireTransferStatus>;
  attempts: Generated<number>;
  /** What was sent, without file bytes. */
  summary: Json<Record<string, unknown> | null> | null;
  error: string | null;
  /** The HRIS's id of the record the hire became (a Zenefits candidate, a BambooHR employee). */
  hris_record_id: string | null;
  /** The connector of that HRIS, for naming it. */
  hris_connector_id: string | null;
  failure_notified: Generated<boolean>;
  created_at: Timestamp;
  last_attempt_at: Date | null;
  succeeded_at: Date | null;
}

export interface HireReconcileStateTable {
  connection_id: string;
  checked_until: Date;
  updated_at: Timestamp;
}
