import { createApiKey } from "@roster/public-api";
import { generateEncryptionKey } from "@roster/secrets";
import type { BenchContext } from "../context";
import { startApiProcess } from "../harness/product-processes";
import { directoryTenant } from "./directory-tenant";

/** Figures 9 and 10 read with keys far from their rate limit: the limit is a politeness, not what is measured. */
const UNLIMITED = "100000000";

/**
 * Figure 6's tenant (the main tenant's whole directory) with an API key of its organisation,
 * and the real API (apps/api/src/main.ts) in its own process serving /api/v1. Stop the API when done.
 */
export async function publicApiTenant(ctx: BenchContext) {
  const tenant = await directoryTenant(ctx);
  const { key } = await createApiKey(
    tenant.db.db,
    { organisationId: tenant.fixture.organisationId, userId: null },
    { name: "bench", scopes: ["directory:read", "connections:read"] },
  );
  const api = await ctx.progress.step("starting the API (apps/api, own process)", () =>
    startApiProcess({
      databaseUrl: tenant.db.url,
      encryptionKey: generateEncryptionKey(),
      extraEnv: { API_RATE_LIMIT_PER_MINUTE: UNLIMITED },
    }),
  );
  return { tenant, key, api };
}
