/**
 * ROSTER ASSUMPTION — Zenefits' ATS import channel.
 *
 * Zenefits does not publish the endpoint, payload or auth of the channel Lever uses to push
 * hires (reference zenefits-api.md §9). This module is Roster's own guess at it, the same
 * contract sim-zenefits serves, kept in this one folder so the real one can replace it
 * without touching anything else. See ./README.md.
 */
export { createZenefitsAtsContext, type ZenefitsAtsContextOptions, zenefitsAtsHttp } from "./context";
export { type ZenefitsAtsCredentials, zenefitsAtsCredentials } from "./credentials";
export { importCandidate } from "./import-candidate";
export {
  type ZenefitsAtsCandidate,
  type ZenefitsAtsImportResult,
  zenefitsAtsCandidateSchema,
  zenefitsAtsImportResult,
} from "./payload";
export { verifyZenefitsAts } from "./verify";
