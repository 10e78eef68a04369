import type { Application, Archived, Contact, Opportunity, Origin, Posting, StageChange } from "../model";
import { HIRED_ARCHIVE_REASON_ID, NON_HIRED_REASON_IDS, OFFER_STAGE_ID, SOURCES, STAGES, stageIndex } from "./catalog";
import { DAY, HOUR, SEED_ANCHOR_MS, type SeedContext } from "./seed-context";
import { type Person, seedPerson } from "./seed-people";
import type { UserPools } from "./seed-users";

export type DocumentPlan = "resume" | "filesOnly" | "none" | "unprocessableResume";

/** What the later seeders (documents, offers, interviews) need to know about one opportunity. */
export interface OpportunityPlan {
  opportunity: Opportunity;
  posting: Posting;
  documents: DocumentPlan;
}

type Outcome = { stageId: string; archive: "active" | "hired" | "rejected" };

interface EdgeCase {
  outcome: Outcome;
  documents: DocumentPlan;
  withEmail: boolean;
}

/**
 * Fixed leading opportunities so tests can rely on every interesting case existing at any seed
 * (README "Seeded edge cases").
 */
const EDGE_CASES: readonly EdgeCase[] = [
  { outcome: { stageId: OFFER_STAGE_ID, archive: "hired" }, documents: "resume", withEmail: true },
  { outcome: { stageId: OFFER_STAGE_ID, archive: "active" }, documents: "filesOnly", withEmail: true },
  { outcome: { stageId: OFFER_STAGE_ID, archive: "hired" }, documents: "none", withEmail: false },
  { outcome: { stageId: OFFER_STAGE_ID, archive: "active" }, documents: "unprocessableResume", withEmail: true },
];

const OUTCOMES: readonly Outcome[] = [
  ...STAGES.map((s) => ({ stageId: s.id, archive: "active" as const })),
  { stageId: OFFER_STAGE_ID, archive: "hired" },
  { stageId: "applicant-new", archive: "rejected" },
];
// Weights line up with OUTCOMES: the nine stages, then hired, then rejected.
const OUTCOME_WEIGHTS = [8, 4, 4, 16, 10, 10, 10, 5, 10, 12, 11];
const ORIGINS: readonly Origin[] = ["applied", "sourced", "referred", "agency", "university", "internal"];

function planDocuments(ctx: SeedContext): DocumentPlan {
  return ctx.prng.weighted(["resume", "filesOnly", "none"] as const, [2, 1, 1]);
}

/** Walks from the entry stage to `target`, skipping some intermediate stages as recruiters do. */
function stagePath(ctx: SeedContext, origin: Origin, target: string, from: number, userId: string): StageChange[] {
  const entry = origin === "sourced" ? "lead-new" : "applicant-new";
  const entryIndex = stageIndex(entry);
  const targetIndex = Math.max(stageIndex(target), entryIndex);
  const changes: StageChange[] = [{ toStageId: entry, toStageIndex: entryIndex, updatedAt: from, userId }];
  let at = from;
  for (let i = entryIndex + 1; i <= targetIndex; i++) {
    if (i !== targetIndex && !ctx.prng.chance(0.6)) continue;
    at += ctx.prng.int(1, 9) * DAY + ctx.prng.int(0, 23) * HOUR;
    const stage = STAGES[i];
    if (stage) changes.push({ toStageId: stage.id, toStageIndex: i, updatedAt: at, userId });
  }
  return changes;
}

function choosePosting(ctx: SeedContext, postings: readonly Posting[], allowConfidential: boolean): Posting {
  const candidates = allowConfidential ? postings : postings.filter((p) => p.confidentiality !== "confidential");
  return ctx.prng.weighted(
    candidates,
    candidates.map((p) => (p.confidentiality === "confidential" ? 0.4 : 1)),
  );
}

function buildOpportunity(
  ctx: SeedContext,
  index: number,
  count: number,
  person: Person,
  contactId: string,
  outcome: Outcome,
  posting: Posting,
  pools: UserPools,
): { opportunity: Opportunity; application: Application } {
  const { prng } = ctx;
  const step = (365 * DAY) / count;
  const createdAt = Math.round(SEED_ANCHOR_MS - 365 * DAY + index * step + prng.next() * step * 0.5);
  const origin = prng.pick(ORIGINS);
  const owner = prng.pick(pools.recruiters);
  const changes = stagePath(ctx, origin, outcome.stageId, createdAt, owner.id);
  const lastAdvancedAt = changes.at(-1)?.updatedAt ?? createdAt;
  let archived: Archived | null = null;
  if (outcome.archive !== "active") {
    archived = {
      reason: outcome.archive === "hired" ? HIRED_ARCHIVE_REASON_ID : prng.pick(NON_HIRED_REASON_IDS),
      archivedAt: lastAdvancedAt + prng.int(2, 10) * DAY,
    };
  }
  const updatedAt = Math.max(lastAdvancedAt, archived?.archivedAt ?? 0);
  const id = prng.uuid();
  const application: Application = {
    id: prng.uuid(),
    opportunityId: id,
    candidateId: id,
    createdAt,
    type: origin === "referred" ? "referral" : "posting",
    posting: posting.id,
    postingOwner: posting.owner,
    postingHiringManager: posting.hiringManager,
    user: origin === "referred" ? prng.pick(pools.interviewers).id : null,
    name: person.name,
    email: person.emails[0] ?? null,
    phone: person.phones[0] ?? null,
    company: null,
    links: person.links,
    comments: null,
    customQuestions: [],
    archived,
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
    confidentiality: posting.confidentiality,
    stage: changes.at(-1)?.toStageId ?? outcome.stageId,
    stageChanges: changes,
    archived,
    tags: [posting.categories.commitment, posting.categories.department],
    sources: [origin === "referred" ? "referral" : prng.pick(SOURCES)],
    origin,
    sourcedBy: origin === "sourced" ? owner.id : null,
    owner: owner.id,
    followers: [owner.id, posting.hiringManager],
    applications: [application.id],
    createdAt,
    updatedAt,
    lastInteractionAt: updatedAt,
    lastAdvancedAt,
    snoozedUntil: null,
    urls: { list: "https://hire.lever.co/candidates", show: `https://hire.lever.co/candidates/${id}` },
    dataProtection: null,
    isAnonymized: false,
    opportunityLocation: posting.categories.location,
  };
  return { opportunity, application };
}

/**
 * Seeds `count` opportunities with their contacts and applications. The last one (when there are at
 * least six) is a second candidacy of the first opportunity's contact (reference §7.8).
 */
export function seedOpportunities(ctx: SeedContext, pools: UserPools, count: number): OpportunityPlan[] {
  const { prng, store } = ctx;
  const plans: OpportunityPlan[] = [];
  for (let index = 0; index < count; index++) {
    const edge = EDGE_CASES[index];
    const isSecondCandidacy = index === count - 1 && count >= 6;
    const first = plans[0];
    let person: Person;
    let contact: Contact;
    if (isSecondCandidacy && first) {
      const existing = store.contacts.get(first.opportunity.contact);
      if (!existing) throw new Error("first contact missing");
      contact = existing;
      person = { ...contact, links: first.opportunity.links, location: contact.location?.name ?? "" };
    } else {
      person = seedPerson(ctx, edge ? edge.withEmail : !prng.chance(0.08));
      contact = {
        id: prng.uuid(),
        name: person.name,
        headline: person.headline,
        isAnonymized: false,
        location: { name: person.location },
        emails: person.emails,
        phones: person.phones,
      };
      store.contacts.set(contact.id, contact);
    }
    let outcome: Outcome = isSecondCandidacy
      ? { stageId: "applicant-new", archive: "active" }
      : (edge?.outcome ?? prng.weighted(OUTCOMES, OUTCOME_WEIGHTS));
    // Rejections happen anywhere before the offer.
    if (outcome.archive === "rejected") outcome = { ...outcome, stageId: prng.pick(STAGES.slice(0, 8)).id };
    const posting = choosePosting(ctx, store.postings, !edge && !isSecondCandidacy);
    const { opportunity, application } = buildOpportunity(ctx, index, count, person, contact.id, outcome, posting, pools);
    store.addOpportunity(opportunity, application);
    const documents = isSecondCandidacy ? "none" : (edge?.documents ?? planDocuments(ctx));
    plans.push({ opportunity, posting, documents });
  }
  return plans;
}
