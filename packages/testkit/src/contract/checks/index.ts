import { changesCheck, idempotentCheck } from "./changes";
import type { ContractCheck } from "./check";
import { persistentFaultsCheck, revokedTokenCheck, transientFaultsCheck, truncatedPageCheck } from "./faults";
import { lostPermissionCheck } from "./lost-permission";
import { mappingCheck, paginationCheck, stableIdsCheck } from "./reading";
import { abortCheck, resumeCheck } from "./resume";
import { secretsCheck } from "./secrets";
import { manifestCheck, missingPermissionsCheck, verifyAcceptsCheck, verifyRejectsCheck } from "./verify";

export type { ContractCheck } from "./check";

/** The contract, in the order it runs; the secrets check goes last to search everything before it. */
export const contractChecks: ContractCheck[] = [
  manifestCheck,
  verifyAcceptsCheck,
  verifyRejectsCheck,
  missingPermissionsCheck,
  paginationCheck,
  mappingCheck,
  stableIdsCheck,
  idempotentCheck,
  changesCheck,
  lostPermissionCheck,
  transientFaultsCheck,
  persistentFaultsCheck,
  truncatedPageCheck,
  revokedTokenCheck,
  resumeCheck,
  abortCheck,
  secretsCheck,
];
