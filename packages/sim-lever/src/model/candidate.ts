/** Candidates: contacts, opportunities and their applications. Shapes as the simulator serves them (reference §4); timestamps are epoch ms. */

export interface Phone {
  type: "mobile" | "work" | "home" | null;
  value: string;
}

export interface Contact {
  id: string;
  name: string;
  headline: string;
  isAnonymized: boolean;
  location: { name: string } | null;
  emails: string[];
  phones: Phone[];
}

export interface StageChange {
  toStageId: string;
  toStageIndex: number;
  updatedAt: number;
  userId: string;
}

export interface Archived {
  reason: string;
  archivedAt: number;
}

export type Origin = "agency" | "applied" | "internal" | "referred" | "sourced" | "university";

export interface Opportunity {
  id: string;
  name: string;
  headline: string;
  contact: string;
  emails: string[];
  phones: Phone[];
  links: string[];
  location: string;
  confidentiality: "confidential" | "non-confidential";
  stage: string;
  stageChanges: StageChange[];
  archived: Archived | null;
  tags: string[];
  sources: string[];
  origin: Origin;
  sourcedBy: string | null;
  owner: string;
  followers: string[];
  applications: string[];
  createdAt: number;
  updatedAt: number;
  lastInteractionAt: number;
  lastAdvancedAt: number;
  snoozedUntil: number | null;
  urls: { list: string; show: string };
  dataProtection: null;
  isAnonymized: boolean;
  opportunityLocation: string;
}

export interface Application {
  id: string;
  opportunityId: string;
  candidateId: string;
  createdAt: number;
  type: "posting" | "user" | "referral";
  posting: string;
  postingOwner: string;
  postingHiringManager: string;
  user: string | null;
  name: string;
  email: string | null;
  phone: Phone | null;
  company: string | null;
  links: string[];
  comments: string | null;
  customQuestions: unknown[];
  archived: Archived | null;
  requisitionForHire: null;
}
