import { z } from "zod";
import { isoDateTime, syncedRecordFields } from "./common";

/** Where a candidate stands in an ATS pipeline, normalised; the provider's stage stays in stageId/stageName. */
export const candidateStatuses = ["active", "offer", "hired", "archived"] as const;

/** A candidate (an ATS opportunity), as ATS connectors deliver it. */
export const candidateSchema = z.object({
  ...syncedRecordFields,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  displayName: z.string().min(1),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(candidateStatuses),
  stageId: z.string().nullable(),
  stageName: z.string().nullable(),
  jobTitle: z.string().nullable(),
  jobLocation: z.string().nullable(),
  hiredAt: isoDateTime.nullable(),
  archivedAt: isoDateTime.nullable(),
});
export type Candidate = z.infer<typeof candidateSchema>;
