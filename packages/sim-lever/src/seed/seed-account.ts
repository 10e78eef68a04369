import { createPrng } from "../prng";
import { Store } from "../store/store";
import { ARCHIVE_REASONS, STAGES } from "./catalog";
import { seedDocuments } from "./seed-documents";
import { seedInterviews } from "./seed-interviews";
import { seedOffers } from "./seed-offers";
import { seedOpportunities } from "./seed-opportunities";
import { seedPostings } from "./seed-postings";
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
  return store;
}
