import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface EmailOutboxTable {
  id: Generated<string>;
  organisation_id: string | null;
  connection_id: string | null;
  kind: string;
  to: string[];
  subject: string;
  text_body: string;
  html_body: string;
  dedupe_key: string | null;
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Date | null;
}

export interface WorkerHeartbeatsTable {
  worker_id: string;
  started_at: Timestamp;
  last_seen_at: Timestamp;
  job_worker_ids: ColumnType<string[], string[] | undefined, string[]>;
}
