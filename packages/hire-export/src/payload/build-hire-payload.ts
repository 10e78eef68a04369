import { offerField, splitName } from "@roster/connector-lever";
import type { ZenefitsAtsCandidate } from "@roster/connector-zenefits/ats";
import { isoDay } from "./dates";
import { employmentType } from "./employment-type";
import { collectInterviewers } from "./interviewers";
import { leverEmploymentSources, leverInterviewInputs, leverSalaryTerms } from "./lever-adapter";
import type { LeverHireData } from "./lever-data";
import { offeredSalary } from "./salary";

/** Payload fields Zenefits cannot import a candidate without (reference §9). */
export type RequiredField = "first_name" | "last_name" | "email";

export type BuildResult = { ok: true; payload: ZenefitsAtsCandidate } | { ok: false; missing: RequiredField[] };

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
 * Lever data → the Zenefits ATS candidate (field mapping: reference lever-api.md §6). Pure.
 * A missing first name, last name or email is reported by name, never thrown: the export
 * records it as a clear error for a person to fix in Lever.
 */
export function buildHirePayload(data: LeverHireData): BuildResult {
  const { opportunity: o, posting, offer } = data;
  const { firstName, lastName } = splitName(o.name);
  const email = emailOf(data);
  const missing: RequiredField[] = [];
  if (!firstName) missing.push("first_name");
  if (!lastName) missing.push("last_name");
  if (!email) missing.push("email");
  if (!firstName || !lastName || !email) return { ok: false, missing };
  const { interviews, scorecards } = leverInterviewInputs(data.interviews, data.feedback, data.users);

  const payload: ZenefitsAtsCandidate = {
    external_id: o.id,
    first_name: firstName,
    last_name: lastName,
    email,
    phone: text(o.phones?.find((p) => text(p.value))?.value),
    job_title: text(offerField(offer, "job_title")) ?? text(posting?.text),
    department: text(posting?.categories?.department) ?? text(posting?.categories?.team),
    work_location: text(posting?.categories?.location) ?? text(o.opportunityLocation),
    manager: text(data.manager?.user.email),
    start_date: isoDay(offerField(offer, "anticipated_start_date")),
    // Reference §6: offer date = sentAt ?? today_date ?? createdAt.
    offer_date: isoDay(offer?.sentAt ?? offerField(offer, "today_date") ?? offer?.createdAt),
    salary: offeredSalary(leverSalaryTerms(offer)),
    employment_type: employmentType(leverEmploymentSources(offer, posting)),
    interviewers: collectInterviewers(interviews, scorecards),
    resume: data.document
      ? {
          file_name: data.document.fileName,
          content_type: data.document.contentType,
          content_base64: Buffer.from(data.document.bytes).toString("base64"),
        }
      : null,
    source: "lever",
    stage: data.hired ? "hired" : "offer",
  };
  return { ok: true, payload };
}

/**
 * What the transfer row keeps of a send: the payload without the file's bytes, plus where
 * the less obvious values came from (the offer's own salary terms, the reports-to source,
 * whether the document was a resume or a file).
 */
export function summarizePayload(payload: ZenefitsAtsCandidate, data: LeverHireData): Record<string, unknown> {
  const { resume, ...rest } = payload;
  return {
    ...rest,
    resume: resume
      ? {
          file_name: resume.file_name,
          content_type: resume.content_type,
          size_bytes: data.document?.bytes.byteLength ?? 0,
          source: data.document?.source ?? null,
        }
      : null,
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
