/**
 * Notes, requisitions, referrals and deleted opportunities. Shapes as the simulator serves them
 * (reference §3 lists the routes; the fields follow Lever's documentation, README choices);
 * timestamps are epoch ms.
 */

export interface NoteField {
  type: "note" | "score";
  text: string;
  value: string | number;
}

export interface Note {
  id: string;
  text: string;
  fields: NoteField[];
  user: string;
  secret: boolean;
  completedAt: number;
  createdAt: number;
  deletedAt: number | null;
}

export interface Requisition {
  id: string;
  requisitionCode: string;
  name: string;
  backfill: boolean;
  confidentiality: "confidential" | "non-confidential";
  createdAt: number;
  creator: string;
  headcountTotal: number;
  headcountInfinite: boolean;
  hiringManager: string;
  owner: string;
  internalNotes: string;
  location: string;
  status: "open" | "onhold" | "closed" | "draft";
  team: string;
  department: string;
  employmentStatus: string;
  compensationBand: { currency: string; interval: string; min: number; max: number } | null;
  postings: string[];
  timeToFillStartAt: number;
  timeToFillEndAt: number | null;
  approval: null;
  customFields: Record<string, unknown>;
}

export interface ReferralField {
  type: "text" | "textarea" | "dropdown";
  text: string;
  description: string;
  required: boolean;
  value: string;
}

export interface Referral {
  id: string;
  type: "referral";
  text: string;
  instructions: string;
  fields: ReferralField[];
  baseTemplateId: string;
  user: string;
  referrer: string;
  createdAt: number;
  completedAt: number;
}

export interface DeletedOpportunity {
  id: string;
  deletedAt: number;
}
