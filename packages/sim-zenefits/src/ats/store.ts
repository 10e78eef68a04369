import type { CandidatePayload } from "./schema";

/** A pushed candidate, as the Zenefits "Import Candidate" list would hold it. */
export interface Candidate {
  id: string;
  company_id: string;
  status: "available_for_import";
  created_at: string;
  updated_at: string;
  external_id: string | null;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  job_title: string | null;
  department: string | null;
  work_location: string | null;
  manager: string | null;
  start_date: string | null;
  offer_date: string | null;
  salary: {
    amount: number | string;
    currency: string;
    interval: string | null;
    annual_equivalent?: { amount: number; currency: string; derived: true; assumption: string };
  } | null;
  employment_type: { type: string | null; as_written: string; source: string } | null;
  interviewers: { name: string; email: string | null; score: number | string | null; score_label: string | null }[];
  resume: { file_name: string; content_type: string; content_base64: string } | null;
  source: string;
  stage: "hired" | "offer";
}

const FIRST_CANDIDATE_ID = 4400001;

/** Lowercase, accent-free text so "jose" finds "José Núñez". */
function searchable(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

function fromPayload(payload: CandidatePayload): Omit<Candidate, "id" | "company_id" | "status" | "created_at" | "updated_at"> {
  return {
    external_id: payload.external_id ?? null,
    first_name: payload.first_name,
    last_name: payload.last_name,
    email: payload.email,
    phone: payload.phone ?? null,
    job_title: payload.job_title ?? null,
    department: payload.department ?? null,
    work_location: payload.work_location ?? null,
    manager: payload.manager ?? null,
    start_date: payload.start_date ?? null,
    offer_date: payload.offer_date ?? null,
    salary: payload.salary
      ? {
          amount: payload.salary.amount,
          currency: payload.salary.currency,
          interval: payload.salary.interval ?? null,
          ...(payload.salary.annual_equivalent ? { annual_equivalent: payload.salary.annual_equivalent } : {}),
        }
      : null,
    employment_type: payload.employment_type ?? null,
    interviewers: (payload.interviewers ?? []).map((i) => ({
      name: i.name,
      email: i.email ?? null,
      score: i.score ?? null,
      score_label: i.score_label ?? null,
    })),
    resume: payload.resume ?? null,
    source: payload.source ?? "lever",
    stage: payload.stage ?? "hired",
  };
}

/** Candidates per company, de-duplicated on external_id; ids ascend from a counter. */
export class AtsStore {
  private readonly byCompany = new Map<string, Candidate[]>();
  private nextId = FIRST_CANDIDATE_ID;

  upsert(companyId: string, payload: CandidatePayload): { candidate: Candidate; created: boolean } {
    const list = this.byCompany.get(companyId) ?? [];
    this.byCompany.set(companyId, list);
    const now = new Date().toISOString();
    const externalId = payload.external_id ?? null;
    const existing = externalId === null ? undefined : list.find((c) => c.external_id === externalId);
    if (existing) {
      Object.assign(existing, fromPayload(payload), { updated_at: now });
      return { candidate: existing, created: false };
    }
    const candidate: Candidate = {
      id: String(this.nextId++),
      company_id: companyId,
      status: "available_for_import",
      created_at: now,
      updated_at: now,
      ...fromPayload(payload),
    };
    list.push(candidate);
    return { candidate, created: true };
  }

  list(companyId: string): Candidate[] {
    return [...(this.byCompany.get(companyId) ?? [])];
  }

  get(companyId: string, id: string): Candidate | undefined {
    return this.byCompany.get(companyId)?.find((c) => c.id === id);
  }

  /** Case- and accent-insensitive match on first, last, full name and e-mail. */
  search(companyId: string, query: string): Candidate[] {
    const needle = searchable(query.trim());
    if (needle === "") return this.list(companyId);
    return this.list(companyId).filter((c) =>
      [c.first_name, c.last_name, `${c.first_name} ${c.last_name}`, c.email].some((text) => searchable(text).includes(needle)),
    );
  }

  clear(): void {
    this.byCompany.clear();
    this.nextId = FIRST_CANDIDATE_ID;
  }
}
