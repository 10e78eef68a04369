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
} from "./model";
import type { ByOpportunity, Store } from "./store/store";

/**
 * Everything in the account, shaped as the API serves it. Per-opportunity collections are keyed by
 * opportunity id, as /v1/opportunities/:id/<collection> lists them. Includes confidential records
 * and deactivated users, which the API hides by default.
 */
export interface LeverTruth {
  opportunities: Opportunity[];
  postings: Posting[];
  users: User[];
  stages: Stage[];
  archiveReasons: ArchiveReason[];
  contacts: Contact[];
  applications: Application[];
  offers: Record<string, Offer[]>;
  resumes: Record<string, Resume[]>;
  files: Record<string, LeverFile[]>;
  interviews: Record<string, Interview[]>;
  panels: Record<string, Panel[]>;
  feedback: Record<string, Feedback[]>;
  notes: Record<string, Note[]>;
  referrals: Record<string, Referral[]>;
  /** As stored; the API adds headcountHired and offerIds when it serves them. */
  requisitions: Requisition[];
  deletedOpportunities: DeletedOpportunity[];
}

const byOpportunity = <T>(collection: ByOpportunity<T>): Record<string, T[]> =>
  Object.fromEntries([...collection].filter(([, items]) => items.length > 0));

/** A deep copy, so callers cannot change the simulator's state by mutating it. */
export function buildTruth(store: Store): LeverTruth {
  return structuredClone({
    opportunities: store.opportunities,
    postings: store.postings,
    users: store.users,
    stages: store.stages,
    archiveReasons: store.archiveReasons,
    contacts: [...store.contacts.values()],
    applications: [...store.applications.values()],
    offers: byOpportunity(store.offers),
    resumes: byOpportunity(store.resumes),
    files: byOpportunity(store.files),
    interviews: byOpportunity(store.interviews),
    panels: byOpportunity(store.panels),
    feedback: byOpportunity(store.feedback),
    notes: byOpportunity(store.notes),
    referrals: byOpportunity(store.referrals),
    requisitions: store.requisitions,
    deletedOpportunities: store.deletedOpportunities,
  });
}
