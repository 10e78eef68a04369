import { DAY, type SeedContext } from "./seed-context";

/**
 * One requisition per posting, with the posting's requisition code, team, location and salary
 * range as the compensation band. Closed postings have closed requisitions; a few are backfills.
 */
export function seedRequisitions(ctx: SeedContext): void {
  const { prng, store } = ctx;
  for (const posting of store.postings) {
    const createdAt = posting.createdAt - prng.int(5, 40) * DAY;
    const closed = posting.state === "closed";
    store.requisitions.push({
      id: prng.uuid(),
      requisitionCode: posting.reqCode ?? `REQ-${posting.id.slice(0, 6)}`,
      name: posting.text,
      backfill: prng.chance(0.2),
      confidentiality: posting.confidentiality,
      createdAt,
      creator: posting.owner,
      headcountTotal: prng.int(1, 3),
      headcountInfinite: false,
      hiringManager: posting.hiringManager,
      owner: posting.owner,
      internalNotes: "",
      location: posting.categories.location,
      status: closed ? "closed" : "open",
      team: posting.categories.team,
      department: posting.categories.department,
      employmentStatus: posting.categories.commitment,
      compensationBand: posting.salaryRange ? { ...posting.salaryRange } : null,
      postings: [posting.id],
      timeToFillStartAt: createdAt,
      timeToFillEndAt: closed ? posting.updatedAt : null,
      approval: null,
      customFields: {},
    });
  }
}
