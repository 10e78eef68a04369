import type { Config } from "@roster/config";

/** Why a sync ran; "rotation" is the sync that follows new credentials. */
export type SyncTrigger = "initial" | "scheduled" | "manual" | "retry" | "rotation";

/** What one sync attempt ended with. The sync engine records the run; the policy decides what follows. */
export interface SyncOutcome {
  runId: string;
  status: "succeeded" | "failed";
  errorKind?: string;
  errorMessage?: string;
}

/** The settings the policy reads; tests pass their own. */
export type PolicyConfig = Pick<
  Config,
  "PUBLIC_URL" | "SYNC_INTERVAL_HOURS" | "RETRY_INTERVAL_MINUTES" | "MAX_CONSECUTIVE_FAILURES"
>;
