import { createApiKey, listApiKeys, revokeApiKey } from "@roster/public-api";
import { TRPCError } from "@trpc/server";
import { actorOf } from "../connections/connection-deps";
import { apiKeyIdInput, createApiKeyInput } from "../schemas/api-keys";
import { access, router } from "../trpc";

/** Settings → API keys: keys of the public API (/api/v1). Creation and revocation are audited. */
export const apiKeysRouter = router({
  list: access("apiKeys.list", "admin").query(({ ctx }) => listApiKeys(ctx.db, ctx.organisationId)),

  /** The key is in this answer only; Roster keeps its hash. */
  create: access("apiKeys.create", "admin")
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, actorOf(ctx), input)),

  /** Refused from the key's next request on. */
  revoke: access("apiKeys.revoke", "admin")
    .input(apiKeyIdInput)
    .mutation(async ({ ctx, input }) => {
      const key = await revokeApiKey(ctx.db, actorOf(ctx), input.keyId);
      if (!key) throw new TRPCError({ code: "NOT_FOUND", message: "No such API key in this organisation" });
      return key;
    }),
});
