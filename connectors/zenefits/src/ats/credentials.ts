// ROSTER ASSUMPTION (see ./README.md): Zenefits' ATS partner channel is not public
// (reference zenefits-api.md §9). Everything in this folder is Roster's invented contract,
// isolated here so it can be swapped when the real one is known.
import { secret } from "@roster/core";
import { z } from "zod";

/**
 * What Lever's built-in Zenefits integration asks for (reference §9, confirmed): the Company ID
 * and a Client Secret, both generated at https://secure.zenefits.com/dashboard/#/ats/1/connect.
 */
export const zenefitsAtsCredentials = z.object({
  companyId: z.string().trim().min(1),
  clientSecret: secret(z.string().min(8)),
  baseUrl: z.string().url().default("https://api.zenefits.com"),
});
export type ZenefitsAtsCredentials = z.infer<typeof zenefitsAtsCredentials>;
