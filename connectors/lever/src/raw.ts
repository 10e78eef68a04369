/**
 * Lenient schemas of what Lever sends (reference: /work/shared/reference/lever-api.md §2, §4).
 * Only fields Roster reads are declared; the rest passes through. Timestamps are epoch ms,
 * but some doc examples show strings, so both are accepted (§2).
 */
import { z } from "zod";

const text = z.string().nullish();
/** Epoch milliseconds, as a number or a numeric string. */
export const epochMs = z
  .union([z.number(), z.string().regex(/^\d+$/).transform(Number)])
  .nullish()
  .transform((v) => v ?? null);

/** `{data: [...], next, hasNext}` (§2 Lists). */
export const listEnvelope = z.looseObject({
  data: z.array(z.unknown()),
  next: z.string().nullish(),
  hasNext: z.boolean().nullish(),
});

/** `{data: {...}}` for one object. */
export const objectEnvelope = z.looseObject({ data: z.unknown() });

export const rawStage = z.looseObject({ id: z.string(), text: text });
export type RawStage = z.infer<typeof rawStage>;

export const rawArchiveReason = z.looseObject({ id: z.string(), text: text, type: text, status: text });
export type RawArchiveReason = z.infer<typeof rawArchiveReason>;

export const rawUser = z.looseObject({ id: z.string(), name: text, email: text, deactivatedAt: epochMs });
export type RawUser = z.infer<typeof rawUser>;

export const rawPosting = z.looseObject({
  id: z.string(),
  text: text,
  hiringManager: text,
  owner: text,
  categories: z
    .looseObject({ team: text, department: text, location: text, commitment: text })
    .nullish()
    .transform((v) => v ?? null),
});
export type RawPosting = z.infer<typeof rawPosting>;

const phone = z.looseObject({ type: text, value: text });

/** An `expand=applications` item; unexpanded it is just the id string. */
export const rawApplication = z.union([
  z.string(),
  z.looseObject({ id: z.string(), posting: text, email: text, postingHiringManager: text }),
]);

export const rawOpportunity = z.looseObject({
  id: z.string().min(1),
  name: text,
  contact: z.union([z.string(), z.looseObject({ id: z.string() })]).nullish(),
  emails: z.array(z.string()).nullish(),
  phones: z.array(phone).nullish(),
  /** A stage id, or `{id, text}` under `expand=stage`. */
  stage: z.union([z.string(), rawStage]).nullish(),
  archived: z.looseObject({ reason: text, archivedAt: epochMs }).nullish(),
  owner: z.union([z.string(), z.looseObject({ id: z.string() })]).nullish(),
  applications: z.array(rawApplication).nullish(),
  opportunityLocation: text,
  confidentiality: text,
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type RawOpportunity = z.infer<typeof rawOpportunity>;

export const rawOfferField = z.looseObject({
  identifier: text,
  text: text,
  value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});

export const rawOffer = z.looseObject({
  id: z.string(),
  status: text,
  createdAt: epochMs,
  sentAt: epochMs,
  fields: z.array(rawOfferField).nullish(),
});
export type RawOffer = z.infer<typeof rawOffer>;

const fileStatus = text;
export const rawResume = z.looseObject({
  id: z.string(),
  createdAt: epochMs,
  file: z.looseObject({ name: text, ext: text, status: fileStatus, size: z.number().nullish() }).nullish(),
});
export type RawResume = z.infer<typeof rawResume>;

export const rawFile = z.looseObject({
  id: z.string(),
  name: text,
  ext: text,
  status: fileStatus,
  uploadedAt: epochMs,
  size: z.number().nullish(),
});
export type RawFile = z.infer<typeof rawFile>;

export const rawInterview = z.looseObject({
  id: z.string(),
  date: epochMs,
  canceledAt: epochMs,
  interviewers: z.array(z.looseObject({ id: z.string(), name: text, email: text })).nullish(),
});
export type RawInterview = z.infer<typeof rawInterview>;

export const rawFeedback = z.looseObject({
  id: z.string(),
  interview: text,
  user: text,
  createdAt: epochMs,
  completedAt: epochMs,
  deletedAt: epochMs,
  fields: z
    .array(
      z.looseObject({
        type: text,
        text: text,
        overall: z.boolean().nullish(),
        /** The score-system field's scale, e.g. `[{text: "4 - Strong Hire"}, …]`. */
        options: z.array(z.looseObject({ text: text })).nullish(),
        value: z.unknown(),
      }),
    )
    .nullish(),
});
export type RawFeedback = z.infer<typeof rawFeedback>;
