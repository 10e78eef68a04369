import { type ConnectorContext, ConnectorError } from "@roster/core";
import { encode, getOne } from "../client";
import type { LeverCredentials } from "../manifest";
import { type RawOpportunity, type RawPosting, type RawUser, rawOpportunity, rawPosting, rawUser } from "../raw";

type Ctx = ConnectorContext<LeverCredentials>;

/**
 * One opportunity with its contact details (name, emails, phones live on the opportunity,
 * reference §4) and its application inlined (`expand=applications`: posting id, application
 * email as a fallback, posting hiring manager).
 */
export function getOpportunity(ctx: Ctx, opportunityId: string): Promise<RawOpportunity> {
  // GET /opportunities/:id — https://hire.lever.co/developer/documentation#retrieve-a-single-opportunity
  return getOne(ctx, `opportunities/${encode(opportunityId)}`, rawOpportunity, { expand: "applications" });
}

/** The job: title (`text`), `categories.location/department/team/commitment`, hiring manager (reference §4 Posting). */
export function getPosting(ctx: Ctx, postingId: string): Promise<RawPosting> {
  // GET /postings/:id — https://hire.lever.co/developer/documentation#retrieve-a-single-posting
  return getOne(ctx, `postings/${encode(postingId)}`, rawPosting);
}

/** A Lever user (owner, hiring manager, interviewer): name and email (reference §4 User). */
export function getUser(ctx: Ctx, userId: string): Promise<RawUser> {
  // GET /users/:id — https://hire.lever.co/developer/documentation#retrieve-a-single-user
  return getOne(ctx, `users/${encode(userId)}`, rawUser);
}

/** Like getUser, but null when the user no longer exists (404): a stale reference is not a failure. */
export async function findUser(ctx: Ctx, userId: string): Promise<RawUser | null> {
  try {
    return await getUser(ctx, userId);
  } catch (error) {
    if (error instanceof ConnectorError && error.status === 404) return null;
    throw error;
  }
}

/** The posting id of an opportunity's (single, reference §4) application, when expanded. */
export function postingIdOf(opportunity: RawOpportunity): string | null {
  const application = opportunity.applications?.[0];
  return typeof application === "object" && application?.posting ? application.posting : null;
}
