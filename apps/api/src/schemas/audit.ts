import { z } from "zod";

export const auditListInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    /** The last id of the previous page (its nextCursor): older rows come next. */
    cursor: z.number().int().positive().nullish(),
  })
  .default({ limit: 50 });
export type AuditListInput = z.input<typeof auditListInput>;
