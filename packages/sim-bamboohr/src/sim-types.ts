import type { Behaviour } from "./behaviour";
import type { FaultConfig } from "./http/faults";
import type { RequestLogSnapshot } from "./http/request-log";
import type { AccessProfile } from "./model/access";
import type { CompanySettings } from "./model/records";
import type { SEEDED_USERS } from "./seed/users";
import type { BatchRequest, BatchResult } from "./store/batch-mutations";
import type { EmployeeChange } from "./store/changes";
import type { CompensationInput, JobInfoInput, StatusInput } from "./store/mutations";
import type { BambooTruth, TruthCounts } from "./truth";
import type { WebhookDelivery } from "./webhooks/dispatcher";
import type { WebhookSettings } from "./webhooks/registry";

export interface BambooHrSimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Employees per company: 12 (the fixed awkward cases) to 100,000. Default 50. */
  employees?: number;
  /** Default 42. The same seed always yields the same data. */
  seed?: number;
  /** Company domains (the `{companyDomain}` of gateway URLs). Default ["acme"]. */
  companies?: readonly string[];
  /** Demo mode: the first company's full-access key is SANDBOX_API_KEY. */
  sandbox?: boolean;
  /** Business "today" for effective dates (YYYY-MM-DD). Default SIM_TODAY. */
  today?: string;
  /** Unix milliseconds for change timestamps and webhook times. Default Date.now. */
  clock?: () => number;
  /** Delays before each webhook retry; default 5, 10, 20, 40 and 80 minutes (reference §5.4). */
  webhookRetryDelaysMs?: readonly number[];
  /** Readings of what the reference leaves uncertain (see Behaviour). */
  behaviour?: Partial<Behaviour>;
}

export type EmployeeId = number | string;

/** A webhook registered directly (a "global" webhook when it has no owner). */
export interface AdminWebhookInput extends Partial<Omit<WebhookSettings, "url">> {
  url: string;
  /** The user whose permissions limit it (a permissioned webhook); default none. */
  ownerUserId?: number;
  companyDomain?: string;
  /** Signs its deliveries with this key instead of a fresh random one (a sandbox key pasted beforehand). */
  privateKey?: string;
}

export interface BambooHrSim {
  /** Server root, e.g. "http://127.0.0.1:41234". */
  readonly url: string;
  /** `${url}/__admin` */
  readonly adminUrl: string;
  /** The first company's domain. */
  readonly companyDomain: string;
  readonly companyDomains: readonly string[];
  /** Full-access key of the first company's HR administrator (SANDBOX_API_KEY in sandbox mode). */
  readonly apiKey: string;
  /** Key of the first company's restricted user (RESTRICTED_ACCESS). */
  readonly restrictedApiKey: string;
  /** Seeded user ids (the same in every company). */
  readonly users: typeof SEEDED_USERS;
  /** What a connector is configured with: `${url}/api/gateway.php/{companyDomain}`. */
  gatewayUrl(companyDomain?: string): string;

  /** A new key for `userId`, or for a new user with `access` (merged over FULL_ACCESS). */
  createApiKey(options?: { companyDomain?: string; userId?: number; access?: Partial<AccessProfile> }): {
    key: string;
    userId: number;
  };
  revokeApiKey(key: string): void;
  setAccess(userId: number, access: Partial<AccessProfile>, companyDomain?: string): void;
  setUserStatus(userId: number, status: "enabled" | "disabled", companyDomain?: string): void;
  setCompanySettings(settings: Partial<CompanySettings> & { directoryFields?: string[] }, companyDomain?: string): void;
  setBehaviour(partial: Partial<Behaviour>): void;
  behaviour(): Behaviour;

  /** Creates an employee as POST /v1/employees would (fields by alias); returns the new id. */
  createEmployee(fields: Record<string, string | null>, companyDomain?: string): string;
  updateEmployee(id: EmployeeId, fields: Record<string, string | null>, companyDomain?: string): EmployeeChange;
  terminateEmployee(id: EmployeeId, options?: Omit<StatusInput, "employmentStatus">, companyDomain?: string): EmployeeChange;
  rehireEmployee(id: EmployeeId, options?: { date?: string; employmentStatus?: string }, companyDomain?: string): EmployeeChange;
  deleteEmployee(id: EmployeeId, companyDomain?: string): EmployeeChange;
  addJobInfo(id: EmployeeId, row: JobInfoInput, companyDomain?: string): EmployeeChange;
  addCompensation(id: EmployeeId, row: CompensationInput, companyDomain?: string): EmployeeChange;
  addEmploymentStatus(id: EmployeeId, row: StatusInput, companyDomain?: string): EmployeeChange;
  /** Random churn, deterministic per seed and batch number. */
  mutate(request: BatchRequest & { companyDomain?: string }): BatchResult;

  createWebhook(input: AdminWebhookInput): { id: string; privateKey: string };
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves once every webhook attempt already started is answered. */
  webhooksSettled(): Promise<void>;

  setFaults(partial: Partial<FaultConfig>): void;
  clearFaults(): void;
  faults(): FaultConfig;

  /** Everything one company holds, as a full-access user reads it: the test oracle. */
  truth(companyDomain?: string): BambooTruth;
  counts(companyDomain?: string): TruthCounts;
  requestLog(): RequestLogSnapshot;
  clearRequestLog(): void;
  /** Re-seeds data; clears webhooks, deliveries, faults, the log and behaviour overrides. Keys of seeded users stay valid. */
  reset(): void;
  close(): Promise<void>;
}
