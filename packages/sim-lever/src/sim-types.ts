import type { ApiKeyOptions } from "./http/api-keys";
import type { Faults } from "./http/faults";
import type { RateLimitConfig } from "./http/rate-limiter";
import type { MutationRequest, MutationResult } from "./mutations";
import type { RecruiterEdits } from "./recruiter-edits";
import type { RequestLogSnapshot } from "./request-log";
import type { LeverTruth } from "./truth";
import type { WebhookLogEntry } from "./webhooks/dispatcher";
import type { WebhookEvent } from "./webhooks/payload";

export interface LeverSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 60 (40 in sandbox mode); at most 20,000. */
  opportunities?: number;
  /** Default 1. The same seed always yields the same data. */
  seed?: number;
  /** Fixed API key `lever-sandbox-api-key`, fixed signing token `lever-sandbox-signing-token`, 40 opportunities. */
  sandbox?: boolean;
  /** Default Lever's real limit (10/s, burst 20 per key); `false` disables it for bulk tests. */
  rateLimit?: RateLimitConfig | false;
  /** Delays before each retry of a failed webhook; default five growing delays (README). */
  webhookRetryDelaysMs?: number[];
}

export interface WebhookConfig {
  url: string;
  /** Account signing token used for `signature`; defaults to the current one. */
  signatureToken?: string;
  /** Default: candidateStageChange, candidateArchiveChange, candidateHired. */
  events?: WebhookEvent[];
}

export interface LeverSim {
  /** API base without /v1, e.g. http://127.0.0.1:41235 */
  readonly url: string;
  /** Admin base, e.g. http://127.0.0.1:41235/__admin */
  readonly adminUrl: string;
  /** A valid API key with every permission and confidential access. */
  readonly apiKey: string;
  /** The account's current webhook signing token. */
  readonly webhookSignatureToken: string;
  readonly seed: number;
  /** Ids a test needs without a lookup. */
  readonly ids: { offerStageId: string; hiredArchiveReasonId: string };
  createApiKey(options?: ApiKeyOptions): string;
  revokeApiKey(key: string): void;
  setWebhook(config: WebhookConfig | null): void;
  /** The settings-page webhook now configured (with the signing token in force), or null. */
  webhookConfig(): Required<WebhookConfig> | null;
  /** Archives with the Hired reason (signing the offer) and emits candidateArchiveChange + candidateHired. */
  hire(opportunityId: string): Promise<{ deliveredStatus: number | null }>;
  /** Moves to the Offer stage (creating a sent offer if none) and emits candidateStageChange. */
  moveToOffer(opportunityId: string): Promise<void>;
  moveToStage(opportunityId: string, stageId: string): Promise<void>;
  /** Edits, adds and deletes opportunities (never the seeded edge cases); sends no webhooks. */
  mutate(request: MutationRequest): MutationResult;
  /** Scorecards added or deleted, interviews canceled, offer terms changed (no webhooks); see RecruiterEdits. */
  readonly edits: RecruiterEdits;
  replayLastWebhook(): Promise<number | null>;
  sendForgedWebhook(): Promise<number | null>;
  /** The settings page's "Verify connection" ping (candidateHired with data {}). */
  verifyWebhook(): Promise<number | null>;
  webhookLog(): WebhookLogEntry[];
  setFaults(partial: Partial<Faults>): void;
  clearFaults(): void;
  faults(): Faults;
  setRateLimit(config: RateLimitConfig | false): void;
  truth(): LeverTruth;
  /** Active opportunities in `stageId`; the pseudo stage "hired" lists hired (archived) ones. */
  opportunityIdsInStage(stageId: string): string[];
  requestLog(): RequestLogSnapshot;
  clearRequestLog(): void;
  /** Back to the state right after start: data, keys, faults, webhooks, logs. */
  reset(): void;
  close(): Promise<void>;
}
