import { createPrng } from "../prng";
import { Store } from "../store/store";
import { ARCHIVE_REASONS, STAGES } from "./catalog";
import { seedDocuments } from "./seed-documents";
import { seedInterviews } from "./seed-interviews";
import { seedNotes } from "./seed-notes";
import { seedOffers } from "./seed-offers";
import { seedOpportunities } from "./seed-opportunities";
import { seedPostings } from "./seed-postings";
import { seedReferrals } from "./seed-referrals";
import { seedRequisitions } from "./seed-requisitions";
import { seedUsers } from "./seed-users";

export interface SeedOptions {
  seed: number;
  opportunities: number;
  baseUrl: string;
}

/** Builds a whole account from one seed; the same options always give the same data. */
export function seedAccount(options: SeedOptions): Store {
  const store = new Store();
  const ctx = { prng: createPrng(options.seed), store, baseUrl: options.baseUrl };
  store.stages.push(...STAGES.map((s) => ({ ...s })));
  store.archiveReasons.push(...ARCHIVE_REASONS.map((r) => ({ ...r })));
  const pools = seedUsers(ctx, options.opportunities);
  seedPostings(ctx, pools, options.opportunities);
  const plans = seedOpportunities(ctx, pools, options.opportunities);
  seedDocuments(ctx, plans);
  seedOffers(ctx, plans);
  seedInterviews(ctx, plans, pools.interviewers);
  // Collections added later draw from a stream of their own, so the data above stays what it was.
  const later = { ...ctx, prng: createPrng((options.seed ^ 0x2545f491) >>> 0) };
  seedNotes(later);
  seedRequisitions(later);
  seedReferrals(later);
  return store;
}
