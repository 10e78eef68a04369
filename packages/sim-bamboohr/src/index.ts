export type { Behaviour } from "./behaviour";
export { DEFAULT_BEHAVIOUR } from "./behaviour";
export { SIM_TODAY, ZERO_DATE } from "./dates";
export { type FaultConfig, NO_FAULTS } from "./http/faults";
export type { RequestLogEntry, RequestLogSnapshot } from "./http/request-log";
export type { FieldGroup } from "./model/access";
export { type AccessProfile, FIELD_GROUPS, FULL_ACCESS, RESTRICTED_ACCESS } from "./model/access";
export type { CompanySettings } from "./model/records";
export { MAX_EMPLOYEES, MIN_EMPLOYEES } from "./seed/dataset";
export { FIXTURE } from "./seed/fixtures";
export { SEEDED_USERS } from "./seed/users";
export type { AdminWebhookInput, BambooHrSim, BambooHrSimOptions, EmployeeId } from "./sim-types";
export {
  DEFAULT_COMPANY,
  DEFAULT_EMPLOYEES,
  DEFAULT_SEED,
  SANDBOX_API_KEY,
  SANDBOX_EMPLOYEES,
  startBambooHrSim,
} from "./start-bamboohr-sim";
export type { BatchRequest, BatchResult } from "./store/batch-mutations";
export type { EmployeeChange } from "./store/changes";
export type { CompensationInput, JobInfoInput, StatusInput } from "./store/mutations";
export type { BambooTruth, TruthCounts, TruthEmployee } from "./truth";
export { DEFAULT_RETRY_DELAYS_MS, type WebhookDelivery } from "./webhooks/dispatcher";
export { WEBHOOK_EVENTS, type WebhookEvent } from "./webhooks/registry";
export { type SignatureScheme, signBambooHr } from "./webhooks/signature";
