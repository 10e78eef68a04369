import type { CandidateStanding, ConnectorContext, HireSource } from "@roster/core";
import type { LeverCredentials } from "../manifest";
import { listHiredSince } from "../read/hires";
import { buildHire } from "./build-hire";
import { type OpportunityStanding, readHireData, readStanding } from "./hire-data";

type Ctx = ConnectorContext<LeverCredentials>;

/** The standing with what Lever answered, so reading the hire does not ask for the opportunity again. */
interface LeverCandidateStanding extends CandidateStanding {
  opportunity: OpportunityStanding;
}

const hasOpportunity = (standing: CandidateStanding): standing is LeverCandidateStanding => "opportunity" in standing;

/** Hired (archived with a `hired` reason) or in the Offer stage; anything else is "other". */
async function standing(ctx: Ctx, opportunityId: string): Promise<LeverCandidateStanding> {
  const read = await readStanding(ctx, opportunityId);
  return {
    status: read.hired ? "hired" : read.inOfferStage ? "offer" : "other",
    name: read.opportunity.name?.trim() || null,
    opportunity: read,
  };
}

/** Lever's side of hires: a candidate as a unified hire, read afresh (a webhook's body is not signed, reference §5). */
export const leverHires: HireSource<LeverCredentials> = {
  standing,
  async read(ctx, opportunityId, known) {
    const current = hasOpportunity(known) ? known.opportunity : await readStanding(ctx, opportunityId);
    return buildHire(await readHireData(ctx, current));
  },
  async hiredSince(ctx, since) {
    return (await listHiredSince(ctx, since)).map((opportunity) => opportunity.id);
  },
};
