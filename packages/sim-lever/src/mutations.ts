import type { Application, Opportunity } from "./model";
import { type SeedContext, startOfUtcDay } from "./seed/seed-context";
import { seedPerson } from "./seed/seed-people";

/** How many opportunities to edit, create and delete in one batch. */
export interface MutationRequest {
  update?: number;
  add?: number;
  remove?: number;
}

export interface MutationResult {
  updated: string[];
  added: string[];
  removed: string[];
}

const APPLICANT_STAGE = "applicant-new";

/**
 * Recruiter activity between two reads, for sync tests: profile edits, new applicants and
 * deleted candidates. Draws from the runtime PRNG, so a batch is reproducible from a fresh
 * start. The seeded edge cases (opportunities 0-3 and the second candidacy) are never
 * touched, so tests relying on them keep working after a mutation. Sends no webhooks: the
 * simulator does not emit contact or deletion events (README choice 17).
 */
export class Mutations {
  private readonly protectedIds: ReadonlySet<string>;
  private addedCount = 0;

  constructor(private readonly ctx: SeedContext) {
    const all = ctx.store.opportunities;
    this.protectedIds = new Set([...all.slice(0, 4), ...all.slice(-1)].map((o) => o.id));
  }

  apply(request: MutationRequest): MutationResult {
    const picked = this.pick((request.update ?? 0) + (request.remove ?? 0));
    const toUpdate = picked.slice(0, request.update ?? 0);
    const toRemove = picked.slice(request.update ?? 0);
    const now = Date.now();
    for (const o of toUpdate) this.update(o, now);
    const added = Array.from({ length: request.add ?? 0 }, () => this.add(now).id);
    for (const o of toRemove) this.ctx.store.removeOpportunity(o.id, now);
    return { updated: toUpdate.map((o) => o.id), added, removed: toRemove.map((o) => o.id) };
  }

  /** Distinct unprotected opportunities; throws when there are not enough. */
  private pick(count: number): Opportunity[] {
    const pool = this.ctx.store.opportunities.filter((o) => !this.protectedIds.has(o.id));
    if (count > pool.length) throw new RangeError(`cannot change ${count} opportunities: only ${pool.length} may be changed`);
    const chosen: Opportunity[] = [];
    for (let i = 0; i < count; i++) {
      const index = this.ctx.prng.int(0, pool.length - 1);
      chosen.push(...pool.splice(index, 1));
    }
    return chosen;
  }

  /** A profile edit: new headline and location on the opportunity and its contact. */
  private update(o: Opportunity, now: number): void {
    const suffix = this.ctx.prng.hex(4);
    o.headline = `${o.headline.split(" · ")[0]} · edited ${suffix}`;
    o.location = `${o.location.split(" · ")[0]} · ${suffix}`;
    o.updatedAt = now;
    o.lastInteractionAt = now;
    const contact = this.ctx.store.contacts.get(o.contact);
    if (contact) contact.headline = o.headline;
  }

  /** A new applicant in "New applicant" for a random visible posting. */
  private add(now: number): Opportunity {
    const { prng, store } = this.ctx;
    const person = seedPerson(this.ctx, true);
    const postings = store.postings.filter((p) => p.confidentiality !== "confidential" && p.state === "published");
    const posting = prng.pick(postings.length > 0 ? postings : store.postings);
    // Strictly increasing createdAt keeps the pagination order (createdAt, id) stable.
    const createdAt = now + this.addedCount++;
    const id = prng.uuid();
    const contactId = prng.uuid();
    store.contacts.set(contactId, {
      id: contactId,
      name: person.name,
      headline: person.headline,
      isAnonymized: false,
      location: { name: person.location },
      emails: person.emails,
      phones: person.phones,
    });
    const application: Application = {
      id: prng.uuid(),
      opportunityId: id,
      candidateId: id,
      createdAt,
      type: "posting",
      posting: posting.id,
      postingOwner: posting.owner,
      postingHiringManager: posting.hiringManager,
      user: null,
      name: person.name,
      email: person.emails[0] ?? null,
      phone: person.phones[0] ?? null,
      company: null,
      links: person.links,
      comments: null,
      customQuestions: [],
      archived: null,
      requisitionForHire: null,
    };
    const opportunity: Opportunity = {
      id,
      name: person.name,
      headline: person.headline,
      contact: contactId,
      emails: person.emails,
      phones: person.phones,
      links: person.links,
      location: person.location,
      confidentiality: "non-confidential",
      stage: APPLICANT_STAGE,
      stageChanges: [{ toStageId: APPLICANT_STAGE, toStageIndex: 3, updatedAt: createdAt, userId: posting.owner }],
      archived: null,
      tags: [posting.categories.commitment, posting.categories.department],
      sources: ["company website"],
      origin: "applied",
      sourcedBy: null,
      owner: posting.owner,
      followers: [posting.owner, posting.hiringManager],
      applications: [application.id],
      createdAt,
      updatedAt: createdAt,
      lastInteractionAt: createdAt,
      lastAdvancedAt: startOfUtcDay(createdAt),
      snoozedUntil: null,
      urls: { list: "https://hire.lever.co/candidates", show: `https://hire.lever.co/candidates/${id}` },
      dataProtection: null,
      isAnonymized: false,
      opportunityLocation: posting.categories.location,
    };
    store.addOpportunity(opportunity, application);
    return opportunity;
  }
}
