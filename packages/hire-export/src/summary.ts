import type { Hire } from "@roster/core";

/**
 * What the transfer row keeps of a sent hire, whichever HRIS received it: every field, without
 * the document's bytes (its name, type, size and whether it was a resume or another file).
 */
export function sentSummary(hire: Hire): Record<string, unknown> {
  const { salary, employmentType, document } = hire;
  return {
    external_id: hire.externalId,
    first_name: hire.firstName,
    last_name: hire.lastName,
    email: hire.email,
    phone: hire.phone,
    job_title: hire.jobTitle,
    department: hire.department,
    work_location: hire.workLocation,
    manager: hire.manager?.email ?? null,
    start_date: hire.startDate,
    offer_date: hire.offerDate,
    salary: salary
      ? {
          amount: salary.amount,
          currency: salary.currency,
          interval: salary.interval,
          ...(salary.annualEquivalent ? { annual_equivalent: salary.annualEquivalent } : {}),
        }
      : null,
    employment_type: employmentType
      ? { type: employmentType.type, as_written: employmentType.asWritten, source: employmentType.source }
      : null,
    interviewers: hire.interviewers.map((i) => ({ name: i.name, email: i.email, score: i.score, score_label: i.scoreLabel })),
    resume: document
      ? {
          file_name: document.fileName,
          content_type: document.contentType,
          size_bytes: Buffer.from(document.contentBase64, "base64").byteLength,
          source: document.source,
        }
      : null,
    source: hire.source,
    stage: hire.stage,
  };
}
