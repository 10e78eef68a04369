export { ZENEFITS_ADMIN_ROUTES } from "./admin/admin-index";
export type { CandidatePayload } from "./ats/schema";
export type { Candidate } from "./ats/store";
export { type EndpointEntry, ZENEFITS_ENDPOINTS } from "./endpoints";
export { type FaultConfig, NO_FAULTS } from "./http/faults";
export type { RequestLogEntry, RequestLogSnapshot } from "./http/request-log";
export { ALL_SCOPES, ZENEFITS_PERMISSIONS } from "./permissions";
export { DEFAULT_QUIRKS, type Quirks } from "./quirks";
export type {
  Company,
  CustomField,
  CustomFieldValue,
  Department,
  Employment,
  Location,
  Me,
  Person,
  Ref,
} from "./render/types";
export { SANDBOX_COMPANY_NAME } from "./seed/company";
export { SIM_TODAY } from "./seed/dates";
export {
  DEFAULT_PEOPLE,
  DEFAULT_SEED,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_PEOPLE,
  SANDBOX_TOKEN,
  startZenefitsSim,
  type ZenefitsSim,
  type ZenefitsSimOptions,
} from "./sim";
export type { MutationRequest, MutationResult } from "./store/mutations";
export type { Truth, TruthCounts } from "./truth";
