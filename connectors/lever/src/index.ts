import { defineConnector } from "@roster/core";
import { http } from "./client";
import { health } from "./health";
import { leverHires } from "./hires/source";
import { manifest } from "./manifest";
import { candidatesStream } from "./streams/candidates";
import { verify } from "./verify";
import { leverWebhook } from "./webhook/handler";

export { http as leverHttp, PAGE_SIZE } from "./client";
export { buildHire, MISSING_WORDS } from "./hires/build-hire";
export { type ChosenDocument, type LeverHireData, type OpportunityStanding, readHireData, readStanding } from "./hires/hire-data";
export { leverEmploymentSources, leverInterviewInputs, leverSalaryTerms } from "./hires/rule-inputs";
export { leverHires } from "./hires/source";
export {
  LEVER_BASE_URL,
  type LeverCredentials,
  type LeverPermissionId,
  leverCredentials,
  leverPermissions,
} from "./manifest";
export { type CandidateRecord, candidateStatus, isOfferStage, mapCandidate } from "./mappers/candidate";
export { splitName } from "./mappers/name";
export type {
  RawArchiveReason,
  RawFeedback,
  RawFile,
  RawInterview,
  RawOffer,
  RawOpportunity,
  RawPosting,
  RawResume,
  RawStage,
  RawUser,
} from "./raw";
export { type DownloadedDocument, downloadFile, downloadResume, listFiles, listResumes } from "./read/documents";
export { hiredArchiveReasonIds, isHired, listHiredSince } from "./read/hires";
export { listFeedback, listInterviews, type OverallScore, overallRating, overallScore } from "./read/interviews";
export { listArchiveReasons, listPostings, listStages } from "./read/lookups";
export { listOffers, offerField, pickOffer } from "./read/offers";
export { findUser, getOpportunity, getPosting, getUser, postingIdOf } from "./read/opportunity";
export { LEVER_HIRED_EVENT, type LeverWebhookEnvelope, parseLeverEnvelope } from "./webhook/envelope";
export {
  createLeverWebhookHandler,
  DEFAULT_WEBHOOK_FUTURE_SKEW_MS,
  DEFAULT_WEBHOOK_MAX_AGE_MS,
  type LeverWebhookOptions,
  leverWebhook,
} from "./webhook/handler";
export { leverSignatureMatches, signLeverWebhook } from "./webhook/signature";

/** Exact keys for tests and tools. */
export const leverStreams = { candidates: candidatesStream };

export const lever = defineConnector({
  manifest,
  http,
  verify,
  health,
  streams: leverStreams,
  webhook: leverWebhook,
  hires: leverHires,
});
