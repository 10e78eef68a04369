import { type ConnectorContext, ConnectorError } from "@roster/core";
import type { LeverCredentials } from "../manifest";
import { isOfferStage } from "../mappers/candidate";
import type { RawFeedback, RawInterview, RawOffer, RawOpportunity, RawPosting, RawStage, RawUser } from "../raw";
import { type DownloadedDocument, downloadFile, downloadResume, listFiles, listResumes } from "../read/documents";
import { hiredArchiveReasonIds, isHired } from "../read/hires";
import { listFeedback, listInterviews } from "../read/interviews";
import { listStages } from "../read/lookups";
import { listOffers, offerField, pickOffer } from "../read/offers";
import { findUser, getOpportunity, getPosting, postingIdOf } from "../read/opportunity";

type Ctx = ConnectorContext<LeverCredentials>;

/** Where an opportunity stands: what decides whether (and as what) it may be exported. */
export interface OpportunityStanding {
  opportunity: RawOpportunity;
  hired: boolean;
  stage: RawStage | null;
  inOfferStage: boolean;
}

export interface ChosenDocument extends DownloadedDocument {
  source: "resume" | "file";
}

/** Which Lever field the reports-to came from (recorded in the transfer's summary). */
export type ManagerSource = "offer.direct_manager" | "offer.hiring_manager" | "posting.hiringManager" | "opportunity.owner";

/** Everything read from Lever to build one new hire. */
export interface LeverHireData extends OpportunityStanding {
  posting: RawPosting | null;
  offer: RawOffer | null;
  manager: { user: RawUser; source: ManagerSource } | null;
  document: ChosenDocument | null;
  /** Every interview, canceled ones included (`canceledAt`). */
  interviews: RawInterview[];
  /** Scorecards that are not deleted. */
  feedback: RawFeedback[];
  /** Feedback authors by id (those not listed on any interview). */
  users: Record<string, RawUser>;
}

/**
 * The opportunity, whether it is hired (archived with a `hired` reason) and its stage. Reads
 * that need nothing from one another go out together: against Lever's round trips an export
 * waits on how many reads follow one another, not on how many there are.
 */
export async function readStanding(ctx: Ctx, opportunityId: string): Promise<OpportunityStanding> {
  const [opportunity, hiredReasons, stages] = await Promise.all([
    getOpportunity(ctx, opportunityId),
    hiredArchiveReasonIds(ctx),
    listStages(ctx),
  ]);
  const hired = isHired(opportunity, hiredReasons);
  const stageId = typeof opportunity.stage === "string" ? opportunity.stage : (opportunity.stage?.id ?? null);
  const stage = stageId ? (stages.find((s) => s.id === stageId) ?? null) : null;
  return { opportunity, hired, stage, inOfferStage: isOfferStage(stage) };
}

/**
 * Everything else the payload needs, read after the standing said "export": what the
 * opportunity names at once (its posting, offers, document, interviews and scorecards), then
 * what those name (the reports-to and the scorecards' other authors), also at once.
 */
export async function readHireData(ctx: Ctx, standing: OpportunityStanding): Promise<LeverHireData> {
  const id = standing.opportunity.id;
  const postingId = postingIdOf(standing.opportunity);
  // Canceled interviews stay in: the interviewer rule needs them to leave their scorecards out.
  const [posting, offers, document, interviews, feedback] = await Promise.all([
    postingId ? getPosting(ctx, postingId) : null,
    listOffers(ctx, id),
    chooseDocument(ctx, id),
    listInterviews(ctx, id),
    listFeedback(ctx, id),
  ]);
  const offer = pickOffer(offers);
  const listed = new Set(interviews.flatMap((i) => (i.interviewers ?? []).map((p) => p.id)));
  const authors = [...new Set(feedback.map((f) => f.user).filter((u): u is string => !!u && !listed.has(u)))];
  const [manager, found] = await Promise.all([
    readManager(ctx, standing.opportunity, posting, offer),
    Promise.all(authors.map((userId) => findUser(ctx, userId))),
  ]);
  const users: Record<string, RawUser> = {};
  authors.forEach((userId, i) => {
    const user = found[i];
    if (user) users[userId] = user;
  });
  return { ...standing, posting, offer, manager, document, interviews, feedback, users };
}

/**
 * Reports-to (reference §6): the offer's direct manager, else its hiring manager, else the
 * posting's hiring manager, else (a last resort, recorded as such) the opportunity's owner.
 */
async function readManager(
  ctx: Ctx,
  opportunity: RawOpportunity,
  posting: RawPosting | null,
  offer: RawOffer | null,
): Promise<LeverHireData["manager"]> {
  const owner = typeof opportunity.owner === "string" ? opportunity.owner : (opportunity.owner?.id ?? null);
  const candidates: [ManagerSource, unknown][] = [
    ["offer.direct_manager", offerField(offer, "direct_manager")],
    ["offer.hiring_manager", offerField(offer, "hiring_manager")],
    ["posting.hiringManager", posting?.hiringManager],
    ["opportunity.owner", owner],
  ];
  for (const [source, userId] of candidates) {
    if (typeof userId !== "string" || userId === "") continue;
    const user = await findUser(ctx, userId);
    if (user?.email) return { user, source };
  }
  return null;
}

/**
 * The first resume, else the first file (reference §6), skipping any Lever could not process
 * (status "error", or a 422 on download, reference §2): a broken upload should not block a hire.
 */
async function chooseDocument(ctx: Ctx, opportunityId: string): Promise<ChosenDocument | null> {
  for (const resume of await listResumes(ctx, opportunityId)) {
    if (resume.file?.status === "error") continue;
    const bytes = await unlessUnprocessable(() => downloadResume(ctx, opportunityId, resume));
    if (bytes) return { ...bytes, source: "resume" };
  }
  for (const file of await listFiles(ctx, opportunityId)) {
    if (file.status === "error") continue;
    const bytes = await unlessUnprocessable(() => downloadFile(ctx, opportunityId, file));
    if (bytes) return { ...bytes, source: "file" };
  }
  return null;
}

async function unlessUnprocessable(download: () => Promise<DownloadedDocument>): Promise<DownloadedDocument | null> {
  try {
    return await download();
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 422) return null;
    throw error;
  }
}
