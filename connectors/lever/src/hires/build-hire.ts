import { collectInterviewers, employmentType, type Hire, type HireRead, offeredSalary } from "@roster/core";
import { splitName } from "../mappers/name";
import { offerField } from "../read/offers";
import { isoDay } from "./dates";
import type { LeverHireData } from "./hire-data";
import { leverEmploymentSources, leverInterviewInputs, leverSalaryTerms } from "./rule-inputs";

/** Fields no HRIS can import a hire without, in the words a recruiter acts on. */
export const MISSING_WORDS = {
  firstName: "first name",
  lastName: "last name (Lever keeps one name; the last word is the last name)",
  email: "email address",
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

/** The personal email on the opportunity, else the one on its application (reference §6). */
function emailOf(data: LeverHireData): string | null {
  const application = data.opportunity.applications?.[0];
  const fromApplication = typeof application === "object" ? application?.email : null;
  const all = [...(data.opportunity.emails ?? []), fromApplication];
  return all.map(text).find((e): e is string => e !== null && EMAIL.test(e)) ?? null;
}

/**
 * Lever data → the unified hire (field mapping: reference lever-api.md §6). Pure. A missing
 * first name, last name or email is reported in words, never thrown: the export records it as
 * a clear error for a person to fix in Lever.
 */
export function buildHire(data: LeverHireData): HireRead {
  const { opportunity: o, posting, offer } = data;
  const { firstName, lastName } = splitName(o.name);
  const email = emailOf(data);
  const missing: string[] = [];
  if (!firstName) missing.push(MISSING_WORDS.firstName);
  if (!lastName) missing.push(MISSING_WORDS.lastName);
  if (!email) missing.push(MISSING_WORDS.email);
  if (!firstName || !lastName || !email) return { ok: false, missing };
  const { interviews, scorecards } = leverInterviewInputs(data.interviews, data.feedback, data.users);
  const salary = offeredSalary(leverSalaryTerms(offer));
  const employment = employmentType(leverEmploymentSources(offer, posting));
  const managerEmail = text(data.manager?.user.email);

  const hire: Hire = {
    externalId: o.id,
    source: "lever",
    stage: data.hired ? "hired" : "offer",
    firstName,
    lastName,
    email,
    phone: text(o.phones?.find((p) => text(p.value))?.value),
    jobTitle: text(offerField(offer, "job_title")) ?? text(posting?.text),
    department: text(posting?.categories?.department) ?? text(posting?.categories?.team),
    workLocation: text(posting?.categories?.location) ?? text(o.opportunityLocation),
    manager: managerEmail ? { name: text(data.manager?.user.name), email: managerEmail } : null,
    startDate: isoDay(offerField(offer, "anticipated_start_date")),
    // Reference §6: offer date = sentAt ?? today_date ?? createdAt.
    offerDate: isoDay(offer?.sentAt ?? offerField(offer, "today_date") ?? offer?.createdAt),
    salary: salary
      ? {
          amount: salary.amount,
          currency: salary.currency,
          interval: salary.interval,
          annualEquivalent: salary.annual_equivalent ?? null,
        }
      : null,
    employmentType: employment ? { type: employment.type, asWritten: employment.as_written, source: employment.source } : null,
    interviewers: collectInterviewers(interviews, scorecards).map((i) => ({
      name: i.name,
      email: i.email,
      score: i.score,
      scoreLabel: i.score_label,
    })),
    document: data.document
      ? {
          fileName: data.document.fileName,
          contentType: data.document.contentType,
          contentBase64: Buffer.from(data.document.bytes).toString("base64"),
          source: data.document.source,
        }
      : null,
  };
  return { ok: true, hire, summary: sourceSummary(data) };
}

/** Where the less obvious values came from in Lever: the offer's own salary terms and the reports-to source. */
function sourceSummary(data: LeverHireData): Record<string, unknown> {
  return {
    lever: {
      offer_id: data.offer?.id ?? null,
      offer_status: data.offer?.status ?? null,
      salary_amount: offerField(data.offer, "salary_amount"),
      salary_currency: offerField(data.offer, "compensation_currency"),
      salary_interval: offerField(data.offer, "salary_interval"),
      manager_source: data.manager?.source ?? null,
    },
  };
}
