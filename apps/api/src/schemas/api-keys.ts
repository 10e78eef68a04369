import { apiScopes } from "@roster/public-api/scopes";
import { z } from "zod";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name (what uses it)").max(100),
  scopes: z.array(z.enum(apiScopes)).min(1, "Choose at least one scope"),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const apiKeyIdInput = z.object({ keyId: z.string().uuid() });
