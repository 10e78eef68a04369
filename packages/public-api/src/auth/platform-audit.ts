import type { Context } from "hono";
import type { ApiCaller, PublicApiEnv } from "../context";

/**
 * One audit row per call a platform key makes on an organisation, in that organisation's log:
 * its owners see what the platform read or changed, and that no person of theirs did it.
 */
export async function auditPlatformCall(c: Context<PublicApiEnv>, caller: ApiCaller, organisationId: string): Promise<void> {
  try {
    await c.var.deps.db
      .insertInto("audit_log")
      .values({
        organisation_id: organisationId,
        actor_user_id: null,
        actor_platform_key_id: caller.keyId,
        action: "api.called",
        target_type: "api_request",
        target_id: c.get("requestId") ?? null,
        details: JSON.stringify({
          via: "platform_key",
          platform_key_name: caller.name,
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
        }),
      })
      .execute();
  } catch (err) {
    // The response is already decided; a failed audit write is logged, not turned into a 500 after the fact.
    c.var.deps.log.error({ err, organisationId, path: c.req.path }, "could not audit a platform key's call");
  }
}
