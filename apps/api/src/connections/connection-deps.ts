import type { Actor, ConnectionDeps } from "@roster/connections";
import { connectors as installedConnectors } from "@roster/registry";
import { TRPCError } from "@trpc/server";
import type { ApiDeps } from "../context";

/** What @roster/connections needs, from the API's own deps; the encryption key is checked where credentials are stored. */
export function connectionDeps(deps: ApiDeps): ConnectionDeps {
  const options = deps.connections ?? {};
  return {
    db: deps.db,
    connectors: options.connectors ?? installedConnectors,
    encryptionKey: deps.config.ENCRYPTION_KEY ?? "",
    credentialDefaults: options.credentialDefaults,
    verify: options.verify,
    log: deps.log,
  };
}

/** Connecting or rotating stores a token: without ENCRYPTION_KEY the server must refuse, and say why. */
export function assertCanStoreCredentials(deps: ApiDeps): void {
  if (!deps.config.ENCRYPTION_KEY) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "This Roster server has no ENCRYPTION_KEY, so it cannot store access tokens. Ask its administrator to set one.",
    });
  }
}

/** Who is acting, as @roster/connections records it in the audit log. */
export function actorOf(ctx: { organisationId: string; user: { id: string }; requestId?: string }): Actor {
  return { organisationId: ctx.organisationId, userId: ctx.user.id, ...(ctx.requestId ? { requestId: ctx.requestId } : {}) };
}
