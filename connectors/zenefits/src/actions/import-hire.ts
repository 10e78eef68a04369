import {
  type ConnectorContext,
  type Hire,
  hireSchema,
  type ImportedHire,
  type ImportHireAction,
  importedHireSchema,
} from "@roster/core";
import type { ZenefitsAtsCredentials } from "../ats/credentials";
import { importCandidate } from "../ats/import-candidate";
import type { ZenefitsAtsCandidate } from "../ats/payload";
import { verifyZenefitsAts } from "../ats/verify";
import {
  channelCredentials,
  importChannelHttp,
  type ZenefitsImportChannelCredentials,
  zenefitsImportChannelCredentials,
} from "./import-channel";

/** The unified hire in the import channel's words (reference §9 field list). Pure. */
export function candidateOf(hire: Hire): ZenefitsAtsCandidate {
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
    // The channel matches the manager's work email to one of its people.
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
      ? { file_name: document.fileName, content_type: document.contentType, content_base64: document.contentBase64 }
      : null,
    source: hire.source,
    stage: hire.stage,
  };
}

const channelContext = (ctx: ConnectorContext<ZenefitsImportChannelCredentials>): ConnectorContext<ZenefitsAtsCredentials> => ({
  ...ctx,
  credentials: channelCredentials(ctx.credentials),
});

/**
 * Pushes a hire (or an offer-stage candidate: Zenefits then runs the offer) to the "Import
 * Candidate" list. Idempotent on external_id: a re-send updates the same import.
 */
export const importHire: ImportHireAction = {
  credentials: zenefitsImportChannelCredentials,
  http: importChannelHttp,
  input: hireSchema,
  output: importedHireSchema,
  acceptsOffers: true,
  async run(ctx, hire): Promise<ImportedHire> {
    const result = await importCandidate(channelContext(ctx), candidateOf(hire));
    return { remoteId: result.id, status: result.status, created: result.created ?? null };
  },
  verify: (ctx) => verifyZenefitsAts(channelContext(ctx)),
};
