import type {
  Application,
  ArchiveReason,
  Contact,
  DeletedOpportunity,
  Feedback,
  Interview,
  LeverFile,
  Note,
  Offer,
  Opportunity,
  Panel,
  Posting,
  Referral,
  Requisition,
  Resume,
  Stage,
  User,
} from "../model";

/** A downloadable body: resume, file, or offer document. */
export interface StoredBlob {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

/** Per-opportunity collections, as served under /opportunities/:id/... */
export type ByOpportunity<T> = Map<string, T[]>;

/**
 * The whole simulated Lever account in memory. Lists keep creation order (createdAt ascending),
 * which is also the pagination order, so appends never disturb a client's cursor.
 */
export class Store {
  readonly stages: Stage[] = [];
  readonly archiveReasons: ArchiveReason[] = [];
  readonly users: User[] = [];
  readonly postings: Posting[] = [];
  readonly opportunities: Opportunity[] = [];
  readonly contacts = new Map<string, Contact>();
  readonly applications = new Map<string, Application>();
  readonly offers: ByOpportunity<Offer> = new Map();
  readonly resumes: ByOpportunity<Resume> = new Map();
  readonly files: ByOpportunity<LeverFile> = new Map();
  readonly interviews: ByOpportunity<Interview> = new Map();
  readonly panels: ByOpportunity<Panel> = new Map();
  readonly feedback: ByOpportunity<Feedback> = new Map();
  readonly notes: ByOpportunity<Note> = new Map();
  readonly referrals: ByOpportunity<Referral> = new Map();
  readonly requisitions: Requisition[] = [];
  /** Candidacies deleted while running, oldest first (GET /opportunities/deleted). */
  readonly deletedOpportunities: DeletedOpportunity[] = [];
  /** Keyed by resume id, file id, or `${offerId}:sent` / `${offerId}:signed`. */
  readonly blobs = new Map<string, StoredBlob>();

  private readonly opportunityById = new Map<string, Opportunity>();
  private readonly userById = new Map<string, User>();
  private readonly postingById = new Map<string, Posting>();

  addUser(user: User): void {
    this.users.push(user);
    this.userById.set(user.id, user);
  }

  addPosting(posting: Posting): void {
    this.postings.push(posting);
    this.postingById.set(posting.id, posting);
  }

  addOpportunity(opportunity: Opportunity, application: Application): void {
    this.opportunities.push(opportunity);
    this.opportunityById.set(opportunity.id, opportunity);
    this.applications.set(application.id, application);
  }

  /** Deletes a candidacy and everything filed under it, as deleting a candidate in Lever does. */
  removeOpportunity(id: string, deletedAt: number): void {
    const index = this.opportunities.findIndex((o) => o.id === id);
    const opportunity = this.opportunities[index];
    if (!opportunity) return;
    this.opportunities.splice(index, 1);
    this.opportunityById.delete(id);
    for (const applicationId of opportunity.applications) this.applications.delete(applicationId);
    for (const collection of [
      this.offers,
      this.resumes,
      this.files,
      this.interviews,
      this.panels,
      this.feedback,
      this.notes,
      this.referrals,
    ]) {
      collection.delete(id);
    }
    this.deletedOpportunities.push({ id, deletedAt });
  }

  user(id: string): User | undefined {
    return this.userById.get(id);
  }

  posting(id: string): Posting | undefined {
    return this.postingById.get(id);
  }

  opportunity(id: string): Opportunity | undefined {
    return this.opportunityById.get(id);
  }

  stage(id: string): Stage | undefined {
    return this.stages.find((s) => s.id === id);
  }

  archiveReason(id: string): ArchiveReason | undefined {
    return this.archiveReasons.find((r) => r.id === id);
  }

  requisition(id: string): Requisition | undefined {
    return this.requisitions.find((r) => r.id === id);
  }

  /** The posting an opportunity applied to (Lever keeps at most one application per opportunity). */
  postingOf(opportunity: Opportunity): Posting | undefined {
    const applicationId = opportunity.applications[0];
    const application = applicationId ? this.applications.get(applicationId) : undefined;
    return application ? this.posting(application.posting) : undefined;
  }

  isHired(opportunity: Opportunity): boolean {
    const reason = opportunity.archived ? this.archiveReason(opportunity.archived.reason) : undefined;
    return reason?.type === "hired";
  }

  listFor<T>(collection: ByOpportunity<T>, opportunityId: string): T[] {
    let list = collection.get(opportunityId);
    if (!list) {
      list = [];
      collection.set(opportunityId, list);
    }
    return list;
  }
}
